#!/usr/bin/env bash
# Cross-check end to end: exit codes, every report format, a pair that is
# not parent and child.
bin=$1
. "$(dirname "$0")/lib.bash"
child=$root/corpus/pairs/yundong-vs-yunzhou/child.txt
parent=$parents/yunzhou-air-2024-2026-city.txt
"$bin" "$child" --parent "$parent" >/dev/null; [ $? -eq 1 ] && ok "errors give exit 1" || bad "exit 1"
"$bin" "$child" --parent "$parent" --fail-on never >/dev/null; [ $? -eq 0 ] && ok "--fail-on never" || bad "--fail-on never"
"$bin" "$child" --parent "$parent" --fail-on bogus >/dev/null 2>&1; [ $? -eq 2 ] && ok "bad --fail-on is a usage error" || bad "--fail-on bogus"
out=$("$bin" "$child" --parent "$parent" --fail-on never)
grep -qE '^.*child.txt:[0-9]+:[0-9]+: (error|warning|info): .* \[[a-z-]+\]$' <<<"$out" && ok "compiler-style lines" || bad "text format"
grep -q 'note: ' <<<"$out" && ok "note lines" || bad "note lines"
for fmt in json sarif; do
    "$bin" "$child" --parent "$parent" --format $fmt -o "$t/r.$fmt" --fail-on never
    python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$t/r.$fmt" && ok "$fmt is JSON" || bad "$fmt"
done
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); r=d['runs'][0]; ids={x['id'] for x in r['tool']['driver']['rules']}; assert all(x['ruleId'] in ids for x in r['results'])" "$t/r.sarif" && ok "SARIF results name their rules" || bad "sarif rules"
"$bin" "$child" --parent "$parent" --format html -o "$t/r.html" --fail-on never
grep -q '</html>' "$t/r.html" && ! grep -q 'http' "$t/r.html" && ok "html is self-contained" || bad "html"
grep -q 'Targets side by side' "$t/r.html" && grep -q 'class="ok"' "$t/r.html" && ok "html: targets side by side with verdicts" || bad "html side by side"
"$bin" "$child" --parent "$parent" --format markdown --fail-on never > "$t/r.md"
grep -q '^| verdict | indicator | parent | child |' "$t/r.md" && grep -q '^| weaker-target |' "$t/r.md" && ok "markdown side by side" || bad "markdown"
out=$("$bin" "$child" --parent "$parent" --fail-on never --lang zh)
grep -q ': 错误: .*弱于上级方案' <<<"$out" && grep -q '注: 上级方案原文' <<<"$out" && ! grep -q 'weaker than' <<<"$out" && ok "--lang zh" || bad "--lang zh"
"$bin" "$child" --parent "$parent" --lang fr >/dev/null 2>&1; [ $? -eq 2 ] && ok "bad --lang is a usage error" || bad "--lang fr"
"$bin" "$root/corpus/pairs/linhe-vs-chengjiang/child.txt" --parent "$parents/chengjiang-energy-2021-2025-city.txt" > "$t/lc.txt"
rc=$?; [ $rc -le 1 ] && grep -q parent-not-cited "$t/lc.txt" && ok "linhe vs chengjiang: the child cites another plan" || bad "linhe vs chengjiang rc=$rc"
"$bin" "$parents/chengjiang-energy-2021-2025-city.txt" --parent "$child" > "$t/swap.txt"
rc=$?; [ $rc -le 1 ] && ok "a city plan against a county plan: no crash" || bad "swapped pair rc=$rc"
"$bin" --lint "$child" > "$t/lint.txt"; [ $? -le 1 ] && grep -q unassigned-task "$t/lint.txt" && ok "--lint" || bad "--lint"
if [ $have_seeds = 1 ]; then
    "$bin" "$seeds/hedong-2021-2023-district.txt" --parent "$seeds/weifang-2021-2023-city-draft.txt" > "$t/hw.txt"
    rc=$?; [ $rc -le 1 ] && grep -q parent-not-cited "$t/hw.txt" && ok "seeds: hedong vs weifang, citation mismatch" || bad "hedong vs weifang rc=$rc"
    "$bin" --lint "$seeds/hedong-2021-2023-district.txt" > "$t/lint2.txt"; [ $? -le 1 ] && grep -q unassigned-task "$t/lint2.txt" && ok "seeds: --lint" || bad "seeds --lint"
fi
err=$("$bin" "$child" --parent "$parent" --fail-on never --rule-costs 2>&1 >/dev/null)
grep -q '^rule costs: ' <<<"$err" && grep -qE '^ +[0-9.]+ +[0-9]+ +[0-9]+  \[target [a-z-]+\] .*targets\.rules:[0-9]+' <<<"$err" &&
    ok "--rule-costs lists the rules' times" || bad "--rule-costs: $err"
err=$("$bin" "$child" --parent "$parent" --fail-on never 2>&1 >/dev/null)
[ -z "$err" ] && ok "no costs without --rule-costs" || bad "stderr without --rule-costs: $err"
"$bin" --scan "$root/corpus" --rule-costs >/dev/null 2>&1; [ $? -eq 2 ] && ok "--rule-costs with --scan is a usage error" || bad "--scan --rule-costs"
# the JSON's child_value and parent_value are the figures its message
# names, in every corpus pair (a place that already had the finding once
# gave its values to the finding before it)
for d in "$root"/corpus/pairs/*/; do
    p=$(head -1 "$d/parent")
    case "$p" in seeds:*) continue ;; esac
    "$bin" "$d/child.txt" --parent "$d/$p" --format json --fail-on never 2>/dev/null
done > "$t/all.json"
python3 - "$t/all.json" <<'PY' && ok "JSON values are the message's figures in every corpus pair" || bad "JSON values differ from the message"
import json, sys
bad = 0
text = open(sys.argv[1], encoding='utf-8').read()
dec = json.JSONDecoder()
i = 0
while i < len(text):
    while i < len(text) and text[i] in ' \n[],':
        i += 1
    if i >= len(text):
        break
    obj, i = dec.raw_decode(text, i)
    for f in obj.get('findings', []):
        if f.get('child_value') is None:
            continue
        want = '%g' % f['child_value']
        if want not in f['message']:
            bad += 1
            if bad < 5:
                print('values', f['child_value'], f['parent_value'], 'for:', f['message'])
sys.exit(1 if bad else 0)
PY
finish

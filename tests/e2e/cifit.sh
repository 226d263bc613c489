#!/usr/bin/env bash
# Issue 15 (CI and review): the baseline of accepted findings, exit codes
# with --fail-on never, stdin, --explain / --list-checks, the
# configuration file, --min-level, colour and the summary line, the CSV
# byte order mark, SARIF for code scanning, an installed tree moved.
bin=$1
. "$(dirname "$0")/lib.bash"
export SIJIAN_TODAY=2026-06-01
par=$parents/yunzhou-air-2024-2026-city.txt
child=$root/corpus/pairs/qinglin-vs-yunzhou/child.txt
cd "$t" || exit 2
cp "$child" child.txt
# a text report with no findings: only its summary line
clean() { [ "$(cat "$1")" = "summary: 0 errors, 0 warnings, 0 infos; 1 files" ]; }

# --- baseline
"$bin" child.txt --parent "$par" > plain.out; rc=$?
[ $rc -eq 1 ] && grep -q 'weaker-target' plain.out && ok "the child fails without a baseline" || bad "plain rc $rc"
"$bin" child.txt --parent "$par" --baseline bl.rules --update-baseline > upd.out; rc=$?
[ $rc -eq 0 ] && clean upd.out && grep -q '^\[accept weaker-target\]' bl.rules \
    && ok "--update-baseline writes the findings and accepts them" || bad "update rc $rc"
n_plain=$(grep -c '^child.txt:' plain.out); n_bl=$(grep -c '^\[accept ' bl.rules)
[ "$n_plain" -eq "$n_bl" ] && ok "one entry per finding ($n_bl)" || bad "$n_plain findings, $n_bl entries"
# reasons are kept when the baseline is written again
sed -i '0,/^reason = $/s//reason = approved by the city bureau, letter 2024-17/' bl.rules
"$bin" child.txt --parent "$par" --baseline bl.rules --update-baseline > /dev/null
grep -q '^reason = approved by the city bureau, letter 2024-17$' bl.rules \
    && ok "--update-baseline keeps existing reasons" || bad "reason lost"
"$bin" child.txt --parent "$par" --baseline bl.rules > b.out; rc=$?
[ $rc -eq 0 ] && clean b.out && ok "every finding in the baseline: nothing reported, exit 0" || bad "rc $rc: $(head -3 b.out)"
# shifted lines and a reworded sentence elsewhere
{ sed -n 1,9p child.txt; printf '（本方案经县政府常务会议审议通过）\n\n'; sed -n '10,$p' child.txt; } |
    sed 's/结合我县实际，制定本方案/结合本县实际情况，特制定本方案/' > shifted.txt
cmp -s shifted.txt child.txt && bad "shifted.txt unchanged"
cp bl.rules bl-shift.rules; sed -i 's#^file = child.txt$#file = shifted.txt#' bl-shift.rules
"$bin" shifted.txt --parent "$par" --baseline bl-shift.rules > s.out; rc=$?
[ $rc -eq 0 ] && clean s.out && ok "the baseline survives shifted lines and a rewording elsewhere" || bad "shifted rc $rc: $(head -3 s.out)"
# a new weakening still fails, and the entry it replaced is stale
sed 's/全县非化石能源消费比重达到13%/全县非化石能源消费比重达到11%/' shifted.txt > weaker.txt
"$bin" weaker.txt --parent "$par" --baseline bl-shift.rules --fail-on warning > w.out; rc=$?
sed -i 's#^file = shifted.txt$#file = weaker.txt#' bl-shift.rules
"$bin" weaker.txt --parent "$par" --baseline bl-shift.rules --fail-on warning > w.out; rc=$?
[ $rc -eq 1 ] && grep -q 'warning: 非化石能源消费比重 11% is weaker' w.out && ok "a new weakening fails through the baseline" || bad "weaker rc $rc: $(cat w.out)"
grep -q 'info: the baseline entry bl-shift.rules:[0-9]* (weaker-than-overall 非化石能源消费比重) matches no finding any more \[baseline-stale\]' w.out \
    && ok "the entry it replaced is reported stale (info)" || bad "no stale: $(cat w.out)"
[ "$(grep -c '^weaker.txt:' w.out)" -eq 2 ] && ok "nothing else reported" || bad "$(cat w.out)"
# expiry
awk '/^\[accept weaker-target\]/{w=1} w&&/^when = /{print; print "expires = 2026-01-31"; w=0; next} {print}' bl.rules > bl-exp.rules
"$bin" child.txt --parent "$par" --baseline bl-exp.rules > e.out; rc=$?
[ $rc -eq 1 ] && grep -q '\[weaker-target\]' e.out && grep -q 'expired on 2026-01-31.*\[baseline-expired\]' e.out \
    && ok "an expired entry no longer accepts its finding, and says so" || bad "expired rc $rc: $(cat e.out)"
SIJIAN_TODAY=2025-12-31 "$bin" child.txt --parent "$par" --baseline bl-exp.rules > e2.out; rc=$?
[ $rc -eq 0 ] && ok "before its expiry it still accepts" || bad "rc $rc"
printf '[accept no-such-check]\nreason = x\n' > badbl.rules
"$bin" child.txt --parent "$par" --baseline badbl.rules 2> bad.err; rc=$?
[ $rc -eq 2 ] && grep -q 'badbl.rules:1: no finding has the id' bad.err && ok "a bad baseline: file:line, exit 2" || bad "rc $rc $(cat bad.err)"
"$bin" child.txt --parent "$par" --baseline missing.rules 2> miss.err; rc=$?
[ $rc -eq 2 ] && ok "a missing baseline is an error (unless being written)" || bad "rc $rc"

# a scan: two plans with the same findings against one parent
mkdir -p two; cp child.txt two/a.txt; cp child.txt two/b.txt; cp "$par" two/
"$bin" --scan two -q -j 2 --baseline two.rules --update-baseline > /dev/null 2>&1
"$bin" --scan two -q -j 2 --baseline two.rules > two.out 2> two.err; rc=$?
[ $rc -eq 0 ] && ! grep -v '^sijian-check: scan of ' two.err | grep -q . && tail -1 two.out | grep -q '^summary: 0 errors, 0 warnings, 0 infos; 3 files$' \
    && ok "a scan's baseline: same finding in two plans, none stale" || bad "scan baseline rc $rc: $(head -3 two.err)"
sed -i 's/全县非化石能源消费比重达到13%/全县非化石能源消费比重达到11%/' two/b.txt
"$bin" --scan two -q -j 2 --baseline two.rules --fail-on warning > two.out 2> two.err; rc=$?
[ $rc -eq 1 ] && grep -q '^two/b.txt:.*11% is weaker' two.out && ! grep -q '^two/a.txt:' two.out \
    && ok "... a new weakening in one plan fails the scan" || bad "scan weaker rc $rc"

# --- exit codes
"$bin" child.txt --parent nope.txt --fail-on never 2> n.err; rc=$?
[ $rc -eq 0 ] && grep -q 'nope.txt' n.err && ok "--fail-on never: an unreadable parent exits 0 (reported)" || bad "rc $rc"
"$bin" child.txt --parent nope.txt 2> /dev/null; rc=$?
[ $rc -eq 2 ] && ok "an unreadable parent otherwise exits 2" || bad "rc $rc"
mkdir -p sc; cp child.txt sc/a.txt; : > sc/empty.txt   # empty: unreadable
"$bin" --scan sc --format sarif -o sc.sarif --fail-on never -q 2> /dev/null; rc=$?
[ $rc -eq 0 ] && [ -s sc.sarif ] && ok "--scan --fail-on never with an unreadable file exits 0" || bad "scan rc $rc"
"$bin" --scan sc -q > /dev/null 2>&1; rc=$?
[ $rc -eq 2 ] && ok "... and 2 without it" || bad "scan rc $rc"

# --- stdin
"$bin" - --parent "$par" < child.txt > stdin.out; rc=$?
sed 's#^child.txt:#-:#' plain.out | diff -q - stdin.out > /dev/null && [ $rc -eq 1 ] \
    && ok "- reads the child from standard input" || bad "stdin rc $rc"
"$bin" --extract - --format json < child.txt | grep -q '"file": *"-"' && ok "--extract - reads standard input" || bad "extract stdin"
"$bin" -- child.txt --parent "$par" > /dev/null 2>&1; rc=$?
"$bin" --lint -- child.txt > /dev/null 2>&1; rc2=$?
[ $rc2 -ne 2 ] && ok "-- ends the options" || bad "-- rc $rc2"

# --- colour and the summary line
tail -1 plain.out | grep -qE '^summary: [1-9][0-9]* errors, [0-9]+ warnings, [0-9]+ infos; 1 files$' \
    && ok "text ends with a summary line" || bad "summary: $(tail -1 plain.out)"
! grep -q $'\033' plain.out && ok "no colour when not a terminal" || bad "colour in a pipe"
"$bin" child.txt --parent "$par" --color=always | grep -q $'\033\\[1;31merror' && ok "--color=always" || bad "no colour"
"$bin" child.txt --parent "$par" --color never | grep -q $'\033' && bad "colour with never" || ok "--color never"
"$bin" --scan sc -q --fail-on never 2>/dev/null | tail -1 | grep -qE '^summary: .*; 1 files$' && ok "a scan's summary line counts the plans checked" || bad "scan summary"
"$bin" child.txt --parent "$par" --lang zh | tail -1 | grep -q '^合计: ' && ok "the summary line in Chinese" || bad "zh summary"

# --- explain, list, config, min-level
"$bin" --explain weaker-target > ex.out; rc=$?
[ $rc -eq 0 ] && grep -q 'Why it matters' ex.out && grep -q 'To accept it' ex.out && ok "--explain ID" || bad "explain"
"$bin" --explain nonsense 2> /dev/null; [ $? -eq 2 ] && ok "--explain of an unknown id: exit 2" || bad "explain unknown"
"$bin" --list-checks > lc.out; [ "$(grep -c ' on ' lc.out)" -ge 16 ] && ok "--list-checks lists every id" || bad "list"
mkdir -p proj/sub; cp child.txt proj/sub/child.txt
printf '[options]\nmin-level = warning\nfail-on = never\n\n[check agency-missing]\nenabled = false\n\n[check missing-target]\nlevel = error\n' > proj/.sijian-check
(cd proj/sub && "$bin" child.txt --parent "$par" > ../../cfg.out); rc=$?
[ $rc -eq 0 ] && ! grep -q 'info:\|agency-missing' cfg.out && grep -q 'error: .*\[missing-target\]' cfg.out \
    && ok ".sijian-check above the current folder: min-level, fail-on, check off, level" || bad "config rc $rc: $(head -3 cfg.out)"
(cd proj/sub && "$bin" child.txt --parent "$par" --fail-on error --min-level info > ../../cfg2.out); rc=$?
[ $rc -eq 1 ] && grep -q 'info:' cfg2.out && ok "command-line options win over the configuration" || bad "rc $rc"
(cd proj/sub && "$bin" --list-checks | grep -q '^agency-missing *warning *off') && ok "--list-checks shows the configuration" || bad "list cfg"
mkdir -p gl/drafts gl/final; cp child.txt gl/drafts/a.txt; cp child.txt gl/final/b.txt; cp child.txt gl/final/c.md
printf '[options]\ninclude = final/*\ninclude = drafts/*\nexclude = *.md\n' > gl.cfg
"$bin" --config gl.cfg --scan gl -q --format jsonl --fail-on never > gl.out 2>&1
[ "$(grep -o '"file": *"[^"]*"' gl.out | grep -o 'gl/[a-z/]*\.[a-z]*' | sort -u | tr '\n' ' ')" = "gl/drafts/a.txt gl/final/b.txt " ] \
    && ok "configuration include/exclude globs select a scan's files" || bad "globs: $(head -c 300 gl.out)"
printf '[options]\nmin-levl = warning\n' > badcfg
"$bin" --config badcfg child.txt --parent "$par" 2> bc.err; rc=$?
[ $rc -eq 2 ] && grep -q 'badcfg:2: min-levl' bc.err && ok "--config FILE; a bad key: file:line, exit 2" || bad "rc $rc $(cat bc.err)"

# --- CSV: byte order mark, title, level, task
"$bin" --extract child.txt --format csv > x.csv
"$bin" --extract child.txt --format csv --no-bom > y.csv
[ "$(head -c 3 x.csv | od -An -tx1 | tr -d ' ')" = efbbbf ] && ok "CSV starts with a UTF-8 BOM" || bad "no BOM"
[ "$(head -c 4 y.csv)" = file ] && ok "--no-bom drops it" || bad "--no-bom"
python3 - x.csv <<'PY' && ok "CSV: title, level and task columns; every row the same width" || bad "csv columns"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
h = rows[0]
assert h[-3:] == ["title", "level", "task"], h
assert all(len(r) == len(h) for r in rows)
dl = [r for r in rows[1:] if r[1] == "deadline"]
assert dl and all(r[h.index("task")] for r in dl)
assert all(r[h.index("level")] == "county" and r[h.index("title")] for r in rows[1:])
PY

# --- HTML report
"$bin" child.txt --parent "$par" --format html > r.html
"$bin" child.txt --parent "$par" --format html --lang zh > rz.html
"$bin" child.txt --parent "$par" --format json > r.json
"$bin" --scan sc --format html -q --fail-on never > s.html 2> /dev/null
python3 - r.html rz.html r.json s.html <<'PY' && ok "HTML: lang, totals first, filters, every finding side by side, zh labels, titles in a scan" || bad "html"
import sys, re, json
en, zh, js, scan = (open(f, encoding="utf-8").read() for f in sys.argv[1:5])
assert '<html lang="en">' in en and '<html lang="zh">' in zh
n = json.load(open(sys.argv[3]))["summary"]
tot = re.search(r'<p class="totals">(.*?)</p>', en).group(1)
assert f'{n["error"]} errors' in tot and f'{n["warning"]} warnings' in tot and f'{n["info"]} info' in tot, tot
assert en.index('class="totals"') < en.index('<table')
assert 'id="filters"' in en and "<script>" in en and not re.search(r'(src|href)="(https?:)?//', en)
side = en[en.index("Targets side by side"):en.index("<h3>Findings")]
nfind = len(json.load(open(sys.argv[3]))["findings"])
verdicts = re.findall(r'<tr class="(error|warning|info)"><td>([a-z-]+)</td>', side)
ids = {f["id"] for f in json.load(open(sys.argv[3]))["findings"]}
assert ids <= {v[1] for v in verdicts}, (ids, verdicts)
assert "Deadlines and agencies" in side
assert "目标弱于上级" in zh and ">weaker-target</td>" not in zh.split("<h3>问题")[0]
assert "青林县空气质量持续改善行动方案" in scan and "<th>title</th>" in scan
PY

# --- SARIF for code scanning
cp child.txt keep.txt
mkdir -p repo/plans; cp child.txt repo/plans/县方案.txt
(cd repo && "$bin" plans/县方案.txt --parent "$par" --format sarif > ../a.sarif)
{ printf '\n\n\n'; sed 's/结合我县实际，制定本方案/结合本县实际情况，特制定本方案/' child.txt; } > repo/plans/县方案.txt
(cd repo && "$bin" plans/县方案.txt --parent "$par" --format sarif > ../b.sarif)
python3 - a.sarif b.sarif "${SARIF_SCHEMA:-}" <<'PY' && ok "SARIF: code-scanning fields; fingerprints survive a line shift" || bad "sarif"
import json, sys, os
a, b = (json.load(open(f)) for f in sys.argv[1:3])
schema = sys.argv[3]
if schema and os.path.exists(schema):
    import jsonschema
    for d in (a, b):
        jsonschema.validate(d, json.load(open(schema)), format_checker=jsonschema.FormatChecker())
    print("validated against", schema)
run = a["runs"][0]
assert a["version"] == "2.1.0"
drv = run["tool"]["driver"]
assert drv["version"] and drv["informationUri"].startswith("https://") and "example.invalid" not in drv["informationUri"]
assert run["columnKind"] == "unicodeCodePoints"
assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file:///") and run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/repo/")
ids = [r["id"] for r in drv["rules"]]
for r in drv["rules"]:
    assert r["defaultConfiguration"]["level"] in ("error", "warning", "note")
    assert r["help"]["markdown"] and r["help"]["text"]
def fps(d):
    out = []
    for r in d["runs"][0]["results"]:
        assert r["ruleId"] in ids and ids.index(r["ruleId"]) == r["ruleIndex"]
        loc = r["locations"][0]["physicalLocation"]["artifactLocation"]
        assert loc == {"uri": "plans/%E5%8E%BF%E6%96%B9%E6%A1%88.txt", "uriBaseId": "%SRCROOT%"}, loc
        for rl in r.get("relatedLocations", []):
            u = rl["physicalLocation"]["artifactLocation"]
            assert u["uri"].startswith("file:///") and "uriBaseId" not in u, u  # outside the repo
        out.append((r["ruleId"], r["partialFingerprints"]["sijianFingerprint/v1"]))
    return out
fa, fb = fps(a), fps(b)
assert len(fa) > 5 and sorted(fa) == sorted(fb), (fa, fb)
la = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in a["runs"][0]["results"] if r["ruleId"] == "weaker-target"]
lb = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in b["runs"][0]["results"] if r["ruleId"] == "weaker-target"]
assert [x + 3 for x in la] == lb, (la, lb)
assert len(set(x[1] for x in fa)) == len(fa)
PY

# --- action.yml: its scan step, run here as the runner would
if python3 -c 'import yaml' 2> /dev/null; then
    python3 - "$root/action.yml" > scan-step.sh <<'PY'
import sys, yaml
a = yaml.safe_load(open(sys.argv[1]))
steps = a["runs"]["steps"]
assert a["runs"]["using"] == "composite"
uses = [s.get("uses", "") for s in steps]
assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
assert any(u.startswith("actions/upload-artifact@") for u in uses)
assert any(u.startswith("actions/github-script@") for u in uses)
print(next(s for s in steps if s.get("id") == "scan")["run"])
PY
    mkdir -p gh/bin; ln -sf "$bin" gh/bin/sijian-check; : > gh/out; : > gh/summary
    cp -r sc ws; cp "$par" ws/; rm ws/empty.txt
    PATH="$t/gh/bin:$PATH" SCAN_PATH=. FAIL_ON=error BASELINE= REPORT_LANG=en OUT="$t/gh" \
        GITHUB_WORKSPACE="$t/ws" GITHUB_OUTPUT="$t/gh/out" GITHUB_STEP_SUMMARY="$t/gh/summary" \
        bash -e "$t/scan-step.sh"; rc=$?
    [ $rc -eq 0 ] && [ -s gh/sijian-check.sarif ] && [ -s gh/sijian-check.html ] && grep -q '^exit-code=1$' gh/out \
        && grep -q '^summary=summary: [1-9]' gh/out && grep -q 'weaker-target' gh/summary && [ "$(ls ws)" = "$(ls sc | grep -v empty; basename "$par")" ] \
        && ok "action.yml: the scan step writes SARIF, HTML, the summary and the exit code" || bad "action scan step rc $rc: $(cat gh/out)"
else
    echo "note: python3 yaml not installed: action.yml test left out"
fi

# --- an installed tree, moved, finds its rules beside the binary
if command -v cmake > /dev/null && [ -f "$(dirname "$bin")/cmake_install.cmake" ]; then
    cmake --install "$(dirname "$bin")" --prefix "$t/p1" > /dev/null 2>&1
    mv "$t/p1" "$t/p2"
    (cd / && env -u SIJIAN_RULES "$t/p2/bin/sijian-check" --extract "$t/child.txt" > "$t/inst.out" 2> "$t/inst.err"); rc=$?
    [ $rc -eq 0 ] && grep -q 'target:' "$t/inst.out" && ok "an installed tree moved elsewhere finds its rules" || bad "installed rc $rc: $(cat "$t/inst.err")"
    rm -rf "$t/p2/share/sijian-check"
    (cd / && env -u SIJIAN_RULES "$t/p2/bin/sijian-check" --extract "$t/child.txt" > /dev/null 2> "$t/inst.err"); rc=$?
    [ $rc -eq 2 ] && grep -q "looked in:" "$t/inst.err" && grep -q "$t/p2/bin/../share/sijian-check/rules" "$t/inst.err" \
        && ok "without rules, the error lists every place looked" || bad "rc $rc: $(cat "$t/inst.err")"
else
    echo "note: no cmake or no build folder beside $bin: install test left out"
fi

finish

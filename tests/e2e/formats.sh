#!/usr/bin/env bash
# Circulars as published (issue 11): the same plan as .txt, .docx, .odt,
# .html and .pdf gives the same title and at least 95% of the same targets;
# findings in a container name the reader's anchor (text, JSON, SARIF);
# --text shows the text read; a scan of a mixed folder checks every plan,
# names every file it did not check and goes on past bad files; each bad
# input given alone is one line naming the file, exit 2.
bin=$1
. "$(dirname "$0")/lib.bash"
fx=$root/tests/fixtures/formats
txt=$root/corpus/pairs/linzi-vs-zibo/child.txt

# ---- the same plan in every format
"$bin" --extract "$txt" --format json > "$t/txt.json" 2>/dev/null
for f in plan.docx plan.odt portal.html plan.pdf plan.ofd; do
    "$bin" --extract "$fx/$f" --format json > "$t/$f.json" 2> "$t/$f.err"
    python3 - "$t/txt.json" "$t/$f.json" "$f" <<'PY'
import json, sys
a, b = (json.load(open(p))[0] for p in sys.argv[1:3])
key = lambda t: (t['indicator'], t['value'], t['unit'])
ta = [key(t) for t in a['targets']]
tb = set(key(t) for t in b['targets'])
same = sum(1 for k in ta if k in tb)
print(f"{sys.argv[3]}: title {'same' if a['metadata']['title'] == b['metadata']['title'] else 'DIFFERENT'}, "
      f"targets {same}/{len(ta)} of the .txt's ({same / max(len(ta), 1):.2f}), {len(b['targets'])} found")
PY
done > "$t/agreement"
cat "$t/agreement"
for f in plan.docx plan.odt portal.html plan.pdf; do
    python3 - "$t/txt.json" "$t/$f.json" <<'PY' && ok "$f: same title and >= 95% of the .txt's targets" || bad "$f: title or targets differ from the .txt"
import json, sys
a, b = (json.load(open(p))[0] for p in sys.argv[1:3])
key = lambda t: (t['indicator'], t['value'], t['unit'])
ta = [key(t) for t in a['targets']]
tb = set(key(t) for t in b['targets'])
assert len(ta) >= 10, len(ta)
assert a['metadata']['title'] == b['metadata']['title'], (a['metadata']['title'], b['metadata']['title'])
assert sum(1 for k in ta if k in tb) >= 0.95 * len(ta)
PY
done
# anchors in --extract JSON, by format
python3 - "$t" <<'PY' && ok "--extract JSON: each target of a container has its anchor" || bad "extract anchors"
import json, re, sys
want = {'plan.docx': r'^(paragraph \d+|table \d+, row \d+)$', 'plan.odt': r'^(paragraph \d+|table \d+, row \d+)$',
        'portal.html': r'^line \d+$', 'plan.pdf': r'^page \d+, line \d+$'}
for f, rx in want.items():
    d = json.load(open(f'{sys.argv[1]}/{f}.json'))[0]
    assert d['targets'] and all(re.match(rx, t['anchor']) for t in d['targets']), f
d = json.load(open(f'{sys.argv[1]}/txt.json'))[0]
assert all('anchor' not in t for t in d['targets'])
PY
grep -q '"docno":"临政办发〔2024〕21号"' "$t/portal.html.json" && grep -q '"issuer":"[^"]' "$t/portal.html.json" &&
    ok "portal page: the metadata table fills 文号 and issuer" || bad "portal metadata"

# ---- --text: the text read, each line after its anchor
"$bin" --text "$fx/plan.docx" > "$t/text.docx"; rc=$?
[ $rc -eq 0 ] && head -1 "$t/text.docx" | grep -q $'^paragraph 1\t' && grep -q $'^table 1, row 2\t' "$t/text.docx" &&
    ok "--text: docx lines with their paragraph / table row" || bad "--text docx (rc $rc)"
"$bin" --text "$fx/plan.pdf" | grep -q $'^page 2, line [0-9]*\t' && ok "--text: pdf page and line" || bad "--text pdf"
"$bin" --text "$txt" | head -1 | grep -q $'^line 1\t' && ok "--text: plain text by line" || bad "--text txt"

# ---- findings name the anchor (needs the parent seed)
if [ $have_seeds = 1 ]; then
    par=$seeds/zibo-2024-2030-city.txt
    "$bin" "$fx/plan.docx" --parent "$par" --fail-on never > "$t/check.txt"
    grep -q '^[^ ]*plan.docx:[0-9]*:[0-9]*: .*\] (paragraph [0-9]*)$' "$t/check.txt" &&
        ok "check text: findings of a docx name the paragraph" || bad "check text anchors"
    "$bin" "$txt" --parent "$par" --fail-on never | grep -q '(paragraph' && bad "a .txt got anchors" || ok "a .txt's findings are as before"
    "$bin" "$fx/plan.pdf" --parent "$par" --format json --fail-on never > "$t/check.json"
    "$bin" "$fx/plan.pdf" --parent "$par" --format sarif --fail-on never > "$t/check.sarif"
    python3 - "$t/check.json" "$t/check.sarif" <<'PY' && ok "check JSON and SARIF: the anchor of each finding in a PDF; SARIF's artifact is the PDF" || bad "json/sarif anchors"
import json, re, sys
j = json.load(open(sys.argv[1]))
fs = [f for f in j['findings'] if f['child']]
assert fs and all(re.match(r'^page \d+, line \d+$', f['child']['anchor']) for f in fs)
assert all('anchor' not in (f['parent'] or {}) for f in j['findings'])
s = json.load(open(sys.argv[2]))
rs = s['runs'][0]['results']
nchild = sum(1 for f in j['findings'] if f['child'])
assert rs and len(rs) == len(j['findings'])
anchored = 0
for r in rs:   # a finding with no place in the child (missing-target) has no anchor
    loc = r['locations'][0]['physicalLocation']
    assert loc['artifactLocation']['uri'].endswith('plan.pdf')
    a = loc['region'].get('properties', {}).get('anchor')
    if a:
        anchored += 1
        assert re.match(r'^page \d+, line \d+$', a) and r['message']['text'].endswith(f'({a})')
assert anchored == nchild, (anchored, nchild)
PY
fi

# ---- bad inputs, one at a time: one line naming the file, exit 2
for f in blank5000.pdf bomb-lying.docx bomb.docx corrupt.docx deep.html encrypted.docx \
         encrypted.pdf laughs.docx legacy.doc nodoc.docx scanned.pdf truncated.pdf \
         image.png sheet.xlsx; do
    timeout 60 "$bin" --extract "$fx/$f" > /dev/null 2> "$t/bad.err"; rc=$?
    n=$(wc -l < "$t/bad.err")
    [ $rc -eq 2 ] && [ "$n" -eq 1 ] && grep -q "$f" "$t/bad.err" && ok "$f: exit 2, one line: $(cut -c1-90 "$t/bad.err")" ||
        bad "$f: exit $rc, $n lines: $(head -c 300 "$t/bad.err")"
done

# ---- a scan of a mixed folder
m=$t/mixed; mkdir -p "$m/sub" "$m/.git"
cp "$fx"/* "$m/"
cp "$txt" "$m/linzi.txt"
cp "$fx/plan.pdf" "$m/sub/plan-named.docx"   # a PDF named .docx: read by content
cp "$root/corpus/extract/gaomi-2022-2024-county-mixed.jsonl" "$m/sub/gold.jsonl"
printf '# Issue template\n\nDescribe the problem. Steps to reproduce.\n' > "$m/sub/ISSUE_TEMPLATE.md"
cp "$root/README.md" "$m/README.md"
printf 'x' > "$m/.git/HEAD"
printf '\x1f\x8b\x08\x00junk' > "$m/sub/notes.tar.gz"
timeout 300 "$bin" --scan "$m" -j 2 -q --format json --fail-on warning > "$t/scan.json" 2> "$t/scan.err"; rc=$?
[ $rc -eq 2 ] && ok "scan with unreadable plans: exit 2" || bad "scan exit $rc"
python3 - "$t/scan.json" "$t/scan.err" "$m" <<'PY' && ok "scan: every plan checked, every other file named once with why (JSON entries and stderr)" || bad "scan listing"
import json, os, sys
out = json.load(open(sys.argv[1])); err = open(sys.argv[2]).read().splitlines(); m = sys.argv[3]
checked = {os.path.relpath(r['child']['file'], m) for r in out if 'child' in r}
skipped = {os.path.relpath(r['file'], m): r['skipped'] for r in out if 'skipped' in r}
errors = {os.path.relpath(r['file'], m) for r in out if 'error' in r}
assert checked == {'plan.docx', 'plan.odt', 'plan.ofd', 'plan.pdf', 'portal.html', 'linzi.txt',
                   'pdf-named.docx', 'owner-only.pdf', 'sub/plan-named.docx', 'table.pdf'}, checked
assert set(skipped) == {'image.png', 'sheet.xlsx', 'README.md', 'sub/gold.jsonl',
                        'sub/ISSUE_TEMPLATE.md', 'sub/notes.tar.gz'}, skipped
assert skipped['image.png'] == 'image (png)' and 'spreadsheet' in skipped['sheet.xlsx']
assert skipped['README.md'].startswith('not a plan') and skipped['sub/ISSUE_TEMPLATE.md'].startswith('not a plan')
allfiles = {os.path.relpath(os.path.join(d, f), m) for d, ds, fs in os.walk(m) for f in fs if '.git' not in d}
assert allfiles == checked | set(skipped) | errors, allfiles ^ (checked | set(skipped) | errors)
for f in set(skipped) | errors:   # each named once on stderr
    assert sum(1 for l in err if l.startswith(f'sijian-check: {m}/{f}:')) == 1, f
assert err[-1].endswith(f'{len(checked)} plans checked, 6 files skipped, {len(errors)} unreadable'), err[-1]
PY
"$bin" --scan "$m" -q --format sarif --fail-on never > "$t/scan.sarif" 2>/dev/null
python3 - "$t/scan.sarif" <<'PY' && ok "scan SARIF: skipped files as notes, unreadable ones as errors" || bad "scan sarif"
import json, sys
n = json.load(open(sys.argv[1]))['runs'][0]['invocations'][0]['toolExecutionNotifications']
assert sum(1 for x in n if x['level'] == 'note' and 'skipped' in x['message']['text']) == 6
assert any(x['level'] == 'error' and 'scanned.pdf' in x['message']['text'] for x in n)
PY
"$bin" --scan "$m" -q --format markdown --fail-on never 2>/dev/null | grep -q '^| `[^`]*image.png` | skipped: image (png) |' &&
    ok "scan Markdown: a row per skipped file" || bad "scan markdown skipped row"
"$bin" --scan "$m" -q --format html --fail-on never 2>/dev/null | grep -q 'sheet.xlsx</td><td colspan="4">skipped: spreadsheet' &&
    ok "scan HTML: a row per skipped file" || bad "scan html skipped row"
"$bin" --scan "$m" -q --format jsonl --fail-on never 2>/dev/null | grep -c '"skipped":' | grep -qx 6 &&
    ok "scan JSONL: a line per skipped file" || bad "scan jsonl"
# only skipped files besides the plans: exit 0; --include / --exclude choose
g=$t/good; mkdir -p "$g/x"
cp "$fx/plan.docx" "$fx/portal.html" "$fx/image.png" "$fx/sheet.xlsx" "$g/"; cp "$txt" "$g/x/linzi.txt"
"$bin" --scan "$g" -q --fail-on never > /dev/null 2> "$t/good.err"; rc=$?
[ $rc -eq 0 ] && tail -1 "$t/good.err" | grep -q '3 plans checked, 2 files skipped, 0 unreadable' &&
    ok "skipped files do not fail a scan (exit 0, summary line)" || bad "good scan: exit $rc: $(tail -1 "$t/good.err")"
"$bin" --scan "$g" -q --format jsonl --include '*.docx' --include 'x/*' --fail-on never 2>/dev/null > "$t/inc.jsonl"
[ "$(grep -c '"child"' "$t/inc.jsonl")" -eq 2 ] && ! grep -q 'image.png\|portal' "$t/inc.jsonl" &&
    ok "--include chooses files (by name, by path)" || bad "--include"
"$bin" --scan "$g" -q --format jsonl --exclude 'x' --exclude '*.png' --fail-on never 2>/dev/null > "$t/exc.jsonl"
[ "$(grep -c '"child"' "$t/exc.jsonl")" -eq 2 ] && ! grep -q 'linzi\|image.png' "$t/exc.jsonl" && grep -q 'sheet.xlsx' "$t/exc.jsonl" &&
    ok "--exclude leaves out files and folders" || bad "--exclude"
finish

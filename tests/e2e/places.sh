#!/usr/bin/env bash
# Issue 12, item 4: pairing by place in --scan and in --index/--pair, and
# agencies across levels. tests/fixtures/places/ holds a prefecture plan
# (潍坊市, air), two of its counties' air plans citing no plan (寿光市,
# 安丘市: paired with it by place, never with each other), a county water
# plan (no water plan of 潍坊: linted) and a county plan citing a plan not
# in the folder (昌乐县: linted, as before).
bin=$1
. "$(dirname "$0")/lib.bash"
cp -r "$root/tests/fixtures/places" "$t/p"
cd "$t" || exit 1
W=p/weifang-air-2024-2026-city.txt
SG=p/shouguang-air-2024-2026-county.txt
AQ=p/anqiu-air-2024-2026-county.txt
"$bin" --scan p --format jsonl --fail-on never -q > scan.jsonl 2> scan.err
pairs_of() { python3 -c '
import json, sys
for l in open(sys.argv[1]):
    o = json.loads(l)
    if "child" in o:
        print(o["child"]["file"] + "\t" + ((o["parent"] or {}).get("file") or ""))' "$1"; }
pairs_of scan.jsonl > scan.pairs
grep -qP "^$SG\t$W\$" scan.pairs && grep -qP "^$AQ\t$W\$" scan.pairs &&
    ok "scan: two counties citing no plan are paired with their prefecture's plan" || { bad "scan pairs"; cat scan.pairs; }
grep -qP "^p/shouguang-water-2024-2026-county.txt\t\$" scan.pairs &&
    ok "scan: no plan of the same programme above: linted" || bad "scan: other programme paired"
grep -qP "^p/changle-air-2024-2026-county.txt\t\$" scan.pairs &&
    ok "scan: a plan citing a plan not in the folder is not paired by place" || bad "scan: citing plan paired"
grep -qP "^$W\t\$" scan.pairs && ! grep -qP "\tp/(shouguang|anqiu)" scan.pairs &&
    ok "scan: no sibling and no county is anyone's parent" || bad "scan: sibling paired"
grep -qF "$SG: paired by place with $W (寿光市 is in 潍坊市; programme air; it cites no plan)" scan.err &&
    ok "scan: a note says it paired by place" || { bad "scan note"; cat scan.err; }
[ "$(grep -c 'paired by place' scan.err)" -eq 2 ] && ok "scan: one note per plan paired by place" || bad "scan: notes"
# agencies across levels: 寿光市农业农村局 leads what 市生态环境局 leads
"$bin" --scan p --fail-on never -q 2>/dev/null > scan.txt
grep -q "$SG:7:.*info: the task is led by 寿光市农业农村局; the parent's lead is 市生态环境局.*\[agency-differs\]" scan.txt &&
    ok "agency-differs: the county's lead is not the counterpart of the city's" || bad "agency-differs missing"
[ "$(grep -c 'agency-differs' scan.txt)" -eq 1 ] &&
    ok "agency-differs: counterparts (生态环境局寿光分局, 住房和城乡建设局, 综合行政执法局) are not reported" || { bad "agency-differs count"; grep agency-differs scan.txt; }
"$bin" --explain agency-differs | grep -q "counterpart" && ok "--explain agency-differs" || bad "--explain"
"$bin" --list-checks | grep -q "agency-differs.*info" && ok "--list-checks: agency-differs is info" || bad "--list-checks"
# the steps: --index writes place, level, programme; --pair gives --scan's pairs
find p -type f | sort > list
"$bin" --index --files-from list > index.jsonl 2>/dev/null
python3 - "$SG" index.jsonl <<'PY' && ok "index: place, place_code, place_up, programme; 寿光市 is county-level" || bad "index fields"
import json, sys
rows = {json.loads(l)["file"]: json.loads(l) for l in open(sys.argv[2])}
r = rows[sys.argv[1]]
assert r["place"] == "寿光市" and r["place_code"] == "370783" and r["place_up"] == ["370700"], r
assert r["level"] == "county" and r["programme"] == "air", r
w = rows["p/weifang-air-2024-2026-city.txt"]
assert w["level"] == "city" and w["place_code"] == "370700", w
PY
"$bin" --pair index.jsonl > pairs.tsv 2> pair.err
cut -f1,2 pairs.tsv | sort > steps.pairs
sort scan.pairs | cmp -s - steps.pairs && ok "--index/--pair give --scan's pairs" || { bad "steps pairs differ"; diff <(sort scan.pairs) steps.pairs; }
grep -qF "$SG: paired by place with $W" pair.err && ok "--pair: the note says it paired by place" || bad "--pair note"
"$bin" --pairs pairs.tsv --format jsonl --fail-on never > check.jsonl 2>/dev/null
sort scan.jsonl > a; sort check.jsonl > b
cmp -s a b && ok "the steps give the scan's lines" || { bad "steps output differs"; diff a b | head -5; }
# an explicit pairs file wins, and no note claims a place pairing
printf '%s\t%s\n' "$SG" "$AQ" > explicit.tsv
"$bin" --scan p --pairs explicit.tsv --format jsonl --fail-on never -q > ex.jsonl 2> ex.err
pairs_of ex.jsonl | grep -qP "^$SG\t$AQ\$" && ! grep -q "$SG: paired by place" ex.err &&
    ok "--pairs overrides pairing by place" || bad "--pairs override"
finish

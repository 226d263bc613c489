#!/usr/bin/env bash
# The scan in three steps (--index, --pair, --pairs without --scan), run
# on chunks by GNU parallel when it is installed (else by split), gives,
# sorted, the same JSON Lines as one --scan.
bin=$1
. "$(dirname "$0")/lib.bash"
mkdir -p "$t/c/sub"
cp "$parents"/*.txt "$t/c/"
for p in "$root"/corpus/pairs/*-vs-*/; do cp "$p/child.txt" "$t/c/sub/$(basename "$p").txt"; done
cp "$root"/corpus/extract/*.txt "$t/c/sub/"
: > "$t/c/empty.txt"
printf '# Notes\n\nThis folder holds the plans of 2024; see the index.\n' > "$t/c/README.md"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' > "$t/c/scan.png"
cd "$t" || exit 1
"$bin" --scan c --format jsonl --fail-on never -q > scan.jsonl 2>/dev/null
find c -type f | sort > list
if command -v parallel >/dev/null; then
    run_chunks() { parallel --will-cite --pipe -N "$1" -k "$2"; }
    engine="GNU parallel"
else
    run_chunks() { split -l "$1" - part.; for f in part.*; do sh -c "$2" < "$f"; done; rm -f part.*; }
    engine="split"
fi
run_chunks 7 "'$bin' --index --files-from -" < list > index.jsonl 2>/dev/null
[ "$(wc -l < index.jsonl)" -eq "$(wc -l < list)" ] && ok "index: one line per file ($engine)" || bad "index lines"
python3 -c "import json,sys; [json.loads(l) for l in open(sys.argv[1])]" index.jsonl && ok "index lines are JSON" || bad "index JSON"
grep -q '"file":"c/empty.txt","error"' index.jsonl && ok "index: an unreadable file is a line with its error" || bad "index error line"
grep -q '"file":"c/README.md","skipped"' index.jsonl && grep -q '"file":"c/scan.png","skipped"' index.jsonl &&
    ok "index: a text that is not a plan and an image are skipped" || bad "index skipped lines"
"$bin" --pair index.jsonl > pairs.tsv
grep -qP '^c/sub/qinglin-vs-yunzhou.txt\tc/yunzhou-air-2024-2026-city.txt$' pairs.tsv && ok "pair: by citation" || bad "pair"
run_chunks 5 "'$bin' --pairs - --format jsonl --fail-on never" < pairs.tsv > check.jsonl 2>/dev/null
sort scan.jsonl > a; sort check.jsonl > b
[ -s a ] && cmp -s a b && ok "the three steps on chunks give the scan's lines ($(wc -l < a) lines)" || { bad "steps differ from --scan"; diff a b | head -5; }
printf 'not json\n' | "$bin" --pair - > /dev/null 2>err; rc=$?
[ $rc -eq 2 ] && grep -q '1: not an index line' err && ok "pair: a bad line is reported, exit 2" || bad "pair bad line rc=$rc"
"$bin" --pairs pairs.tsv --format json > /dev/null 2>&1; [ $? -eq 2 ] && ok "--pairs without --scan needs jsonl" || bad "--pairs format"
printf 'c/sub/qinglin-vs-yunzhou.txt\tc/missing.txt\n' | "$bin" --pairs - --format jsonl > out 2>err; rc=$?
[ $rc -eq 2 ] && grep -q 'missing.txt' err && [ ! -s out ] && ok "a missing parent: reported, the child not checked alone, exit 2" || bad "missing parent rc=$rc"
finish

#!/usr/bin/env bash
# --scan over a folder with bad files: each is reported, the rest is
# processed, output is the same for -j 1 and -j 2.
bin=$1
. "$(dirname "$0")/lib.bash"
mkdir -p "$t/c/sub"
cp "$parents"/*.txt "$t/c/"
cp "$root/corpus/pairs/qinglin-vs-yunzhou/child.txt" "$t/c/sub/qinglin.txt"
cp "$root/corpus/pairs/dongxi-vs-chengjiang/child.txt" "$t/c/sub/dongxi.txt"
cp "$root/corpus/pairs/baishi-vs-yunzhou/child.txt" "$t/c/baishi.txt"
cp "$root/corpus/extract/sishui-2024-2025-county-air.txt" "$t/c/sishui.txt"
[ $have_seeds = 1 ] && cp "$seeds"/*.txt "$t/c/"
: > "$t/c/empty.txt"
printf '\x89PNG\r\n\x1a\n\0\0' > "$t/c/image.txt"
truncate -s 100M "$t/c/huge.txt"
head -c 1048576 /dev/zero | tr '\0' 'a' > "$t/c/longline.txt"
cp "$root/corpus/extract/juxian-2021-2023-county-gb18030.txt" "$t/c/locked.txt"; chmod 000 "$t/c/locked.txt"
ln -s .. "$t/c/sub/loop"
ln -s loop2.txt "$t/c/loop1.txt"; ln -s loop1.txt "$t/c/loop2.txt"
timeout 120 "$bin" --scan "$t/c" -j 1 --format jsonl --fail-on warning > "$t/j1" 2> "$t/e1"; rc=$?
[ $rc -eq 2 ] && ok "bad files give exit 2" || bad "exit $rc"
for f in empty.txt image.txt huge.txt longline.txt; do
    grep -q "$f" "$t/e1" && ok "reports $f" || bad "no report for $f"
done
grep -q 'loop1.txt' "$t/e1" && ok "reports symlinks" || bad "symlinks"
n=$(grep -c '"child"' "$t/j1")
[ "$n" -ge 6 ] && ok "the rest is processed ($n plans)" || bad "only $n plans"
grep 'qinglin' "$t/j1" | grep -q '"parent":{"file":"[^"]*yunzhou' && grep 'dongxi' "$t/j1" | grep -q '"parent":{"file":"[^"]*chengjiang' && ok "pairs by citation" || bad "pairing"
"$bin" --scan "$t/c" -j 2 --format jsonl --fail-on never > "$t/j2" 2>/dev/null
cmp -s "$t/j1" "$t/j2" && ok "-j 2 output equals -j 1" || bad "order differs"
# chmod 000 stops everyone but root: as root, scan again as nobody
if [ "$(id -u)" -ne 0 ]; then
    grep -q 'locked.txt' "$t/e1" && ok "reports the unreadable file" || bad "no report for locked.txt"
elif command -v setpriv >/dev/null && chmod 755 "$t" "$t/c" "$t/c/sub" &&
     setpriv --reuid=65534 --regid=65534 --clear-groups "$bin" --help >/dev/null 2>&1; then
    setpriv --reuid=65534 --regid=65534 --clear-groups \
        "$bin" --scan "$t/c" -j 1 --format jsonl --fail-on never > "$t/j3" 2> "$t/e3"
    grep -q 'locked.txt' "$t/e3" && [ "$(grep -c '"child"' "$t/j3")" -ge 6 ] &&
        ok "reports the unreadable file (scanning as nobody)" || bad "no report for locked.txt as nobody"
else
    echo "skip unreadable-file check: running as root and cannot run the binary as nobody"
fi
# 300 generated plans: 20 city plans, 280 county plans each citing one of
# them; every title is long and followed by a blank line, then the text
python3 - "$t/g" <<'PY'
import os, random, sys
d = sys.argv[1]; os.makedirs(d); r = random.Random(5)
for i in range(300):
    if i < 20:
        title, cite = f'某某市第{i}号大气污染防治行动实施方案', '某某省大气污染防治行动方案'
    else:
        p = r.randrange(20)
        title, cite = f'某某市第{p}号所辖第{i}县大气污染防治行动方案', f'某某市第{p}号大气污染防治行动实施方案'
    open(f'{d}/{i:03d}.txt', 'w').write(f'{title}\n\n为改善空气质量,根据《{cite}》要求,制定本方案。\n'
        '一、主要目标\n到2025年,PM2.5浓度下降到35微克/立方米以下。(县生态环境局牵头)\n')
PY
"$bin" --scan "$t/g" --format jsonl --fail-on never > "$t/g.jsonl" 2>/dev/null
python3 - "$t/g.jsonl" <<'PY' && ok "300 generated plans: each county paired with the city plan it cites" || bad "generated pairing"
import json, re, sys
n = 0
for line in open(sys.argv[1]):
    d = json.loads(line)
    want = re.search(r'《(.*?)》', open(d['child']['file']).read()).group(1)
    got = d['parent']['title'] if d['parent'] else None
    assert got == (want if '县' in d['child']['title'] else None), (d['child']['title'], got)
    n += 1
assert n == 300, n
PY
# 400 plans with titles from a few characters and citations that are longer,
# shorter or other than the titles: pairing through the index of titles
# gives the pairs that comparing every title gives
python3 - "$t/r" <<'PY'
import os, random, sys
d = sys.argv[1]; os.makedirs(d); r = random.Random(11)
alpha = ['甲', '乙', '丙', '丁', '方', '案', '\U00020000', '计划']
word = lambda n: ''.join(r.choice(alpha) for _ in range(n))
titles = [word(r.randrange(1, 12)) + '实施方案' if r.random() < .7 else word(r.randrange(1, 6))
          for _ in range(400)]
for i, title in enumerate(titles):
    cites = []
    for _ in range(r.randrange(0, 3)):
        c, k = r.choice(titles), r.random()
        c = c[1:-1] if k < .3 and len(c) > 2 else word(r.randrange(3)) + c + word(r.randrange(3)) if k < .6 else c
        cites.append(c)
    open(f'{d}/{i:03d}.txt', 'w').write(f'{title}\n\n为做好工作,' + ''.join(f'根据《{c}》,' for c in cites) +
        '制定本方案。\n一、目标\n到2025年,PM2.5浓度下降到35微克/立方米以下。(县生态环境局牵头)\n')
PY
SIJIAN_PAIR_INDEX=never "$bin" --scan "$t/r" --format jsonl --fail-on never > "$t/r1" 2>/dev/null
SIJIAN_PAIR_INDEX=always "$bin" --scan "$t/r" --format jsonl --fail-on never > "$t/r2" 2>/dev/null
[ "$(grep -c '"parent":{' "$t/r1")" -gt 100 ] && cmp -s "$t/r1" "$t/r2" &&
    ok "pairing through the title index equals comparing every title" || bad "title index pairs differ"
printf 'sub/qinglin.txt\tchengjiang-energy-2021-2025-city.txt\n' > "$t/pairs"
"$bin" --scan "$t/c" --pairs "$t/pairs" --format jsonl --fail-on never 2>/dev/null | grep qinglin | grep -q '"parent":{"file":"[^"]*chengjiang' && ok "--pairs" || bad "--pairs"
"$bin" --scan "$t/c" --format sarif --fail-on never > "$t/s.sarif" 2>/dev/null
python3 - "$t/s.sarif" <<'PY' && ok "scan SARIF: one run, results from several files, unreadable files as notifications" || bad "scan sarif"
import json, sys
d = json.load(open(sys.argv[1]))
run = d['runs'][0]
files = {r['locations'][0]['physicalLocation']['artifactLocation']['uri'] for r in run['results']}
notes = run['invocations'][0]['toolExecutionNotifications']
assert len(d['runs']) == 1 and len(files) >= 3, files
assert any('empty.txt' in n['message']['text'] for n in notes)
assert run['invocations'][0]['executionSuccessful'] is False
PY
"$bin" --scan "$t/c" --format markdown --fail-on never > "$t/s.md" 2>/dev/null
grep -q '^| \[`.*qinglin.txt`\](#f[0-9]*) | `.*yunzhou' "$t/s.md" && grep -q '<a id="f' "$t/s.md" && ok "scan Markdown: summary links each pair" || bad "scan markdown"
"$bin" --scan "$t/c" --format html --fail-on never > "$t/s.html" 2>/dev/null
n=$(grep -o '<section id="f[0-9]*"' "$t/s.html" | wc -l)
grep -q '<a href="#f' "$t/s.html" && [ "$n" -ge 6 ] && grep -c '</html>' "$t/s.html" | grep -qx 1 && ok "scan HTML: summary and $n sections" || bad "scan html ($n sections)"
finish

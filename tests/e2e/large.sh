#!/usr/bin/env bash
# Large plans (issue 16, item 4): a check of two plans of a few MB each is
# aligned fully (no check-incomplete; the old limit of 4 million target
# pairs stopped it), and an --extract of a plan with few line breaks
# holds its text about once, not four times. The plans are made here
# from the corpus (copies of its plans, decoded to UTF-8), never kept.
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. "$(dirname "$0")/lib.bash"

# Time and memory bounds are asserted in the normal build (time also in
# ASan); under valgrind (.ci/run sets SIJIAN_UNDER_VALGRIND) the plans are
# smaller and no bound is asserted.
timed=1 mb=2 min_pairs=5000
if [ -n "${SIJIAN_UNDER_VALGRIND:-}" ]; then
    timed=0 mb=0.2 min_pairs=500
    echo "note: under valgrind: smaller plans, no time or memory bound (they run in the normal build)"
fi
asan=0
grep -q __asan_init "$bin" 2>/dev/null && asan=1

# make OUT MB KIND: copies of the corpus's parents (KIND parent) or
# children (child) up to MB megabytes; KIND flat: the children with their
# line breaks taken out but one every 200 KB
make_plan() {
    python3 - "$root" "$@" <<'EOF'
import glob, os, sys
root, out, mb, kind = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
files = sorted(glob.glob(os.path.join(root, 'corpus/parents/*.txt'))) if kind == 'parent' else \
        sorted(glob.glob(os.path.join(root, 'corpus/pairs/*/child.txt')))
texts = []
for p in files:
    b = open(p, 'rb').read()
    for enc in ('utf-8', 'utf-16', 'gb18030'):
        if enc == 'utf-16' and not b.startswith((b'\xff\xfe', b'\xfe\xff')):
            continue
        try:
            texts.append(b.decode(enc).lstrip('\ufeff').replace('\r\n', '\n'))
            break
        except UnicodeDecodeError:
            pass
parts, n, i = [], 0, 0
while n < mb * 1e6:
    t = texts[i % len(texts)]
    i += 1
    parts.append(t)
    n += len(t.encode())
text = ''.join(parts)
if kind == 'flat':
    lines, acc = [], 0
    for line in text.split('\n'):
        lines.append(line)
        acc += len(line.encode())
        if acc > 200000:
            lines.append('\n')
            acc = 0
    text = ''.join(lines) + '\n'
open(out, 'w', encoding='utf-8').write(text)
EOF
}

# run_stats CMD...: runs CMD (output in $t/out, 120 s at most), sets rc,
# e (its CPU time in ms) and rss (its peak resident memory in KB)
run_stats() {
    read -r rc e rss < <(python3 -c '
import os, subprocess, sys
with open(sys.argv[1], "wb") as out:
    p = subprocess.Popen(sys.argv[2:], stdout=out, stderr=subprocess.DEVNULL)
    try:
        _, st, ru = os.wait4(p.pid, 0)
    except KeyboardInterrupt:
        p.kill(); raise
print(os.waitstatus_to_exitcode(st), int((ru.ru_utime + ru.ru_stime) * 1000), ru.ru_maxrss)' "$t/out" "$@")
}

# 1. two plans of $mb MB each: every part aligned
make_plan "$t/child.txt" $mb child
make_plan "$t/parent.txt" $mb parent
run_stats "$bin" "$t/child.txt" --parent "$t/parent.txt" --format json --fail-on never
nt=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["alignment"]), sum(1 for f in d["findings"] if f["id"] == "check-incomplete"), sum(1 for f in d["findings"] if f["id"] in ("missing-target", "weaker-target", "weaker-than-overall")))' "$t/out" 2>/dev/null)
read -r npairs nincomplete ntargets <<< "${nt:-0 -1 0}"
[ "$rc" = 0 ] && [ "$nincomplete" = 0 ] && ok "a check of two $mb MB plans is complete (no check-incomplete)" ||
    bad "a check of two $mb MB plans: rc $rc, $nincomplete check-incomplete"
[ "$npairs" -gt $min_pairs ] && [ "$ntargets" -gt 0 ] && ok "its $npairs parent targets were aligned ($ntargets target findings)" ||
    bad "its targets were not aligned ($npairs pairs, $ntargets target findings)"
if [ $timed = 1 ]; then
    [ "$e" -lt 30000 ] && ok "in ${e} ms CPU" || bad "a check of two $mb MB plans took ${e} ms CPU"
fi

# 2. --extract of a plan with few line breaks: its text held about once
if [ $timed = 1 ] && [ $asan = 0 ]; then
    make_plan "$t/flat.txt" 8 flat
    printf '1. x\n' > "$t/tiny.txt"
    run_stats "$bin" --extract --format json "$t/tiny.txt"
    base=$rss
    run_stats "$bin" --extract --format json "$t/flat.txt"
    size=$(( $(wc -c < "$t/flat.txt") / 1024 ))
    # measured: 2.5x (4.5x before the decoded text was freed once normalized)
    [ "$rc" = 0 ] && [ $((rss - base)) -lt $((size * 7 / 2)) ] &&
        ok "--extract of $((size / 1024)) MB with few line breaks: $(( (rss - base) * 10 / size )) tenths of its size above start-up" ||
        bad "--extract of $((size / 1024)) MB with few line breaks: rc $rc, $((rss - base)) KB above start-up (limit $((size * 7 / 2)) KB)"
fi
finish

#!/usr/bin/env bash
# Large-input fuzz mode: runs one driver (decode, parse, check, rules) with
# inputs up to 1 MB, so that super-linear cost shows (a slow input is kept
# as slow-unit-*), from a seed folder of corpus plans plus bracket floods.
# Background-friendly: nice 19, a copy of rules/ the run cannot see change.
#   tools/fuzz/large.sh DRIVER [SECONDS (600)] [WORKDIR (/tmp/sj-fuzz-large)]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
drv=${1:?driver: decode, parse, check or rules}; secs=${2:-600}; work=${3:-/tmp/sj-fuzz-large}
bin=$root/build-fuzz/fuzz_$drv
[ -x "$bin" ] || { echo "build the drivers first: tools/fuzz/build.sh" >&2; exit 2; }
mkdir -p "$work/rules" "$work/seeds-$drv"
cp -r "$root"/rules/. "$work/rules/"
seeds=$work/seeds-$drv
if [ "$drv" = rules ]; then
    cp "$root"/rules/*.rules "$seeds/"
else
    cp "$root"/corpus/extract/*.txt "$root"/corpus/parents/*.txt "$seeds/"
    python3 - "$seeds" "$drv" <<'PY'
import os, sys
d, drv = sys.argv[1], sys.argv[2]
head = '关于某某县方案的通知\n\n某某县方案\n\n'
floods = {'open': '【' * 80000, 'mixed': '【〔(】' * 20000, 'nested': '(' * 40000 + ')' * 40000}
for name, body in floods.items():
    data = (head + body + '\n').encode()
    if drv == 'check':
        data = data + b'\0' + data
    open(os.path.join(d, 'flood-' + name), 'wb').write(data)
PY
fi
cd "$work"
SJ_RULES_DIR=$work/rules exec nice -n 19 "$bin" -max_len=1048576 -max_total_time="$secs" \
    -print_final_stats=1 "$seeds"

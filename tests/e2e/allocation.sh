#!/usr/bin/env bash
# --allocation FILE: allocations issued apart from the parent plan (CSV:
# area,indicator,value,unit,target year) bind the child named by its
# title like a row of the parent's own allocation table.
bin=$1
. "$(dirname "$0")/lib.bash"
parent=$parents/chengjiang-energy-2021-2025-city.txt
cat >"$t/child.txt" <<'TXT'
平湖县“十四五”节能减排实施方案
一、主要目标
到2025年，全县氮氧化物重点工程减排量达到800吨，挥发性有机物重点工程减排量达到500吨。
TXT
printf 'area,indicator,value,unit,target year\n平湖县,氮氧化物重点工程减排量,900,吨,2025\n平湖县,挥发性有机物重点工程减排量,0.04,万吨,2025\n' >"$t/a.csv"
out=$("$bin" "$t/child.txt" --parent "$parent" --allocation "$t/a.csv" --format json --fail-on never)
python3 - "$out" <<'PY' && ok "weaker than its own allocation: weaker-target citing the area" || bad "allocation row: $out"
import json, sys
f = json.loads(sys.argv[1])['findings']
w = [x for x in f if x['id'] == 'weaker-target']
assert len(w) == 1 and w[0]['child_value'] == 800 and w[0]['parent_value'] == 900, w
assert '平湖县' in w[0]['message']
# 500吨 meets 0.04万吨 (400吨): no finding on it
assert not any('挥发性' in (x.get('indicator') or '') and x['level'] != 'info' for x in f), f
PY
out=$("$bin" "$t/child.txt" --parent "$parent" --fail-on never --format json)
grep -q '"parent_value":900' <<<"$out" && bad "no allocation without --allocation" || ok "no allocation without --allocation"
printf '平湖县,氮氧化物重点工程减排量\n' >"$t/bad.csv"
err=$("$bin" "$t/child.txt" --parent "$parent" --allocation "$t/bad.csv" 2>&1 >/dev/null); rc=$?
[ $rc -eq 2 ] && grep -q 'bad.csv:1:' <<<"$err" && ok "a bad allocation line is an input error with file:line" || bad "bad csv: $rc $err"
"$bin" "$t/child.txt" --allocation "$t/a.csv" >/dev/null 2>&1; [ $? -eq 2 ] && ok "--allocation needs --parent" || bad "--allocation without --parent"
finish

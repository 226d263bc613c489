# Shared by the end-to-end scripts: sourced after `bin=$1`. Sets root and
# seeds, skips (77) when ../shared/seeds is absent, makes the temporary
# folder $t (removed on exit, permissions restored first) and the ok/bad
# counters; finish prints the tally and gives the exit status.
set -u
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
seeds=$root/../shared/seeds
if [ ! -d "$seeds" ]; then echo "SKIP: ../shared/seeds not found"; exit 77; fi
t=$(mktemp -d); trap 'chmod -R u+rwx "$t"; rm -rf "$t"' EXIT
pass=0 fail=0
ok() { pass=$((pass+1)); echo "ok   $1"; }
bad() { fail=$((fail+1)); echo "FAIL $1"; }
finish() { echo "$pass passed, $fail failed"; [ "$fail" -eq 0 ]; }

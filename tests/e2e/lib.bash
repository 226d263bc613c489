# Shared by the end-to-end scripts: sourced after `bin=$1`. Sets root, the
# repository's own parent plans ($parents) and, when ../shared/seeds is
# beside the checkout, $seeds and have_seeds=1 (the extended set; without
# it those checks are left out, never the whole script); makes the
# temporary folder $t (removed on exit, permissions restored first) and
# the ok/bad counters; finish prints the tally and gives the exit status.
set -u
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
parents=$root/corpus/parents
seeds=$root/../shared/seeds
have_seeds=0
if [ -d "$seeds" ]; then have_seeds=1; else echo "note: ../shared/seeds not found: the extended (seed) checks are left out"; fi
t=$(mktemp -d); trap 'chmod -R u+rwx "$t"; rm -rf "$t"' EXIT
pass=0 fail=0
ok() { pass=$((pass+1)); echo "ok   $1"; }
bad() { fail=$((fail+1)); echo "FAIL $1"; }
finish() { echo "$pass passed, $fail failed"; [ "$fail" -eq 0 ]; }

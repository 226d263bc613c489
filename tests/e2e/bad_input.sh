#!/usr/bin/env bash
# Each bad input gives one line on stderr naming the file, and exit 2.
set -u
bin=$1
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
: > "$t/empty.txt"
mkdir "$t/dir.txt"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' > "$t/png.txt"
printf 'a\xffb' > "$t/badutf8.txt"      # invalid UTF-8 and invalid GB18030
printf 'ab\xb5' > "$t/trunc-gb.txt"       # truncated GB18030 sequence
head -c 1048576 /dev/zero | tr '\0' 'a' > "$t/longline.txt"
truncate -s 100M "$t/huge.txt"
fails=0
check() {
    local f=$1 want=$2
    err=$("$bin" --extract "$f" 2>&1 >/dev/null); rc=$?
    lines=$(printf '%s\n' "$err" | grep -c .)
    if [ "$rc" -ne 2 ] || [ "$lines" -ne 1 ] || ! grep -q -- "$want" <<<"$err"; then
        echo "FAIL $f: rc=$rc stderr=$err"; fails=$((fails+1))
    else
        echo "ok   $f: $err"
    fi
}
check "$t/empty.txt" "empty file"
check "$t/dir.txt" "is a directory"
check "$t/missing.txt" "cannot open"
check "$t/png.txt" "not a plan format: image (png)"
check "$t/badutf8.txt" "badutf8.txt"
check "$t/trunc-gb.txt" "truncated"
check "$t/longline.txt" "longer than"
check "$t/huge.txt" "too large"
# a bad rule file: FILE:LINE and exit 2
mkdir "$t/rules"; printf '[target x]\npattern = (unclosed\n' > "$t/rules/a.rules"
printf '一、x\n' > "$t/ok.txt"
err=$("$bin" --rules "$t/rules" --extract "$t/ok.txt" 2>&1 >/dev/null); rc=$?
if [ $rc -eq 2 ] && grep -q 'a.rules:2:' <<<"$err"; then echo "ok   bad rules: $err"; else echo "FAIL bad rules: $rc $err"; fails=$((fails+1)); fi
# the rest of a batch goes on after a bad file
out=$("$bin" --extract --format json "$t/empty.txt" "$t/ok.txt" 2>/dev/null); rc=$?
if [ $rc -eq 2 ] && grep -q ok.txt <<<"$out"; then echo "ok   batch goes on"; else echo "FAIL batch"; fails=$((fails+1)); fi
echo "$((10 - fails)) passed, $fails failed"
[ $fails -eq 0 ]

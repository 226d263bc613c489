#!/usr/bin/env bash
# Each seed, converted to GB18030 and to UTF-16LE with BOM, gives the same
# --extract JSON as the UTF-8 original except file name and encoding.
set -u
bin=$1
seeds=$(dirname "$0")/../../../shared/seeds
if [ ! -d "$seeds" ]; then echo "SKIP: ../shared/seeds not found"; exit 77; fi
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fails=0; n=0
for f in "$seeds"/*.txt; do
    b=$(basename "$f"); n=$((n+1))
    cp "$f" "$t/u8-$b"
    iconv -f UTF-8 -t GB18030 "$f" > "$t/gb-$b"
    { printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$f"; } > "$t/u16-$b"
    for v in u8 gb u16; do
        "$bin" --extract --format json "$t/$v-$b" | sed -e "s#$t/$v-##" -e 's/"encoding":"[^"]*"//' > "$t/$v.json" || fails=$((fails+1))
    done
    if cmp -s "$t/u8.json" "$t/gb.json" && cmp -s "$t/u8.json" "$t/u16.json"; then
        echo "ok   $b"
    else
        echo "FAIL $b"; diff "$t/u8.json" "$t/u16.json" | head -5; fails=$((fails+1))
    fi
done
echo "$((n - fails)) passed, $fails failed"
[ $fails -eq 0 ]

#!/usr/bin/env bash
# Each UTF-8 plan of the corpus (and each seed, when ../shared/seeds is
# present), converted to GB18030, to UTF-16LE with BOM and to UTF-16BE
# without one, gives the same --extract JSON as the UTF-8 original except
# file name and encoding.
bin=$1
. "$(dirname "$0")/lib.bash"
files=("$parents"/*.txt "$root"/corpus/pairs/*-vs-*/child.txt "$root"/corpus/extract/*.txt)
[ $have_seeds = 1 ] && files+=("$seeds"/*.txt)
n=0
for f in "${files[@]}"; do
    iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1 || continue   # already in another encoding
    head -c3 "$f" | grep -q $'\xef\xbb\xbf' && continue       # a BOM of its own
    b=$(basename "$(dirname "$f")")-$(basename "$f"); n=$((n+1))
    cp "$f" "$t/u8-$b"
    iconv -f UTF-8 -t GB18030 "$f" > "$t/gb-$b"
    { printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$f"; } > "$t/u16-$b"
    for v in u8 gb u16; do
        "$bin" --extract --format json "$t/$v-$b" | sed -e "s#$t/$v-##" -e 's/"encoding":"[^"]*"//' > "$t/$v.json"
    done
    if [ -s "$t/u8.json" ] && cmp -s "$t/u8.json" "$t/gb.json" && cmp -s "$t/u8.json" "$t/u16.json"; then
        ok "$b"
    else
        bad "$b"; diff "$t/u8.json" "$t/u16.json" | head -5
    fi
done
[ $n -ge 10 ] && ok "$n plans compared" || bad "only $n plans compared"
finish

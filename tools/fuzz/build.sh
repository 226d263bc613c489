#!/usr/bin/env bash
# Builds the libFuzzer drivers with clang (Debian: clang, libclang-rt-14-dev)
# into build-fuzz/. Run one: build-fuzz/fuzz_decode -max_total_time=600 corpus-dir
set -euo pipefail
cd "$(dirname "$0")/../.."
out=build-fuzz; mkdir -p $out
flags="-g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE -Isrc -Isrc/render -Isrc/align -Isrc/check -Isrc/model $(pkg-config --cflags libpcre2-8 libutf8proc)"
libs="$(pkg-config --libs libpcre2-8 libutf8proc) -lpthread -lm"
srcs="src/util.c src/decode.c src/normalize.c src/rules.c src/doc.c src/parse.c src/number.c src/extract.c src/check/*.c src/model/findings.c src/align/*.c src/render/*.c"
for d in decode parse rules check; do
    clang $flags tools/fuzz/fuzz_$d.c $srcs $libs -o $out/fuzz_$d
done
echo "built $out/fuzz_decode $out/fuzz_parse $out/fuzz_rules $out/fuzz_check"

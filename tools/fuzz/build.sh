#!/usr/bin/env bash
# Builds the libFuzzer drivers with clang (Debian: clang, libclang-rt-14-dev)
# into build-fuzz/, through CMake from the library's own source list.
# Run one: build-fuzz/fuzz_decode -max_total_time=600 corpus-dir
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DSJ_FUZZ=ON -DBUILD_TESTING=OFF \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz -j2 --target fuzz_decode fuzz_parse fuzz_rules fuzz_check
echo "built build-fuzz/fuzz_decode build-fuzz/fuzz_parse build-fuzz/fuzz_rules build-fuzz/fuzz_check"

#!/usr/bin/env bash
# Builds the libFuzzer drivers (every tools/fuzz/fuzz_*.c) with clang through
# CMake (option SJ_FUZZ) into build-fuzz/, from the same source list as the
# program. Run one: build-fuzz/fuzz_decode -max_total_time=600 corpus-dir
set -euo pipefail
cd "$(dirname "$0")/../.."
CC=clang cmake -S . -B build-fuzz -DSJ_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build build-fuzz -j2
ls build-fuzz/fuzz_*

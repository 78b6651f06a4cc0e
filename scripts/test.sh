#!/bin/sh
# test.sh -- build dragoman (if needed) and run the whole test suite with ctest.
#   CC=clang BUILD_DIR=build-asan CMAKE_ARGS="-DDM_SANITIZE=ON" scripts/test.sh   (sanitizers)
set -eu
cd "$(dirname "$0")/.."
dir=${BUILD_DIR:-build}
# shellcheck disable=SC2086
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo ${CMAKE_ARGS:-} >/dev/null
cmake --build "$dir" -j"$(nproc)"
cd "$dir"
set +e
ctest --output-on-failure -j"$(nproc)" >ctest.log 2>&1
rc=$?
cat ctest.log
exit $rc

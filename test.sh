#!/usr/bin/env bash
# ./test.sh — the whole test suite on a fresh stack of its own (var-test/,
# port 18080): deps, build with -Werror, unit tests, unit tests under
# ASan+UBSan, a minute of libFuzzer on the request parsers, start, end-to-end
# tests, stop. Last line: "N passed, N failed";
# the exit status is non-zero when a test failed or none passed.
set -euo pipefail
cd "$(dirname "$0")"
exec scripts/stack.sh test

#!/usr/bin/env bash
# tests/fuzz/run.sh [TARGET...] — build the libFuzzer targets (clang, ASan + UBSan) into
# build-fuzz/, replay each committed corpus (tests/fuzz/corpus/TARGET) as a regression test, then
# fuzz each target from a scratch copy of its corpus. Prints "fuzz NAME: ok, N execs" or
# "fuzz NAME: FAILED ..." per target and the total; exits non-zero when any target failed.
#
# Settings (environment):
#   FUZZ_SECONDS   fuzzing time for all targets together, split evenly (default 60)
#   FUZZ_OUT       build folder (default <repo>/build-fuzz); crash inputs land in FUZZ_OUT/crashes/
#   FUZZ_FLAGS     more libFuzzer flags for every target (e.g. -dict=FILE, -max_len=65536)
#   FUZZ_CC        the compiler (default clang; gcc has no libFuzzer)
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
HERE=$REPO/tests/fuzz
OUT=${FUZZ_OUT:-$REPO/build-fuzz}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
CC=${FUZZ_CC:-clang}
# shellcheck disable=SC2054 # commas inside -fsanitize=, not separators
CFLAGS=(-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
  -std=gnu11 -Wall -Wextra -Werror -I"$REPO/cgi-bin")
read -ra EXTRA <<<"${FUZZ_FLAGS:-}"

# The cgi-bin files each target links: the parsers and what they call, never main.c.
sources() {
  case $1 in
    utf8) echo parse.c arena.c valid.c roles.c ;;
    *) echo parse.c arena.c ;;
  esac
}

targets=("$@")
if ((${#targets[@]} == 0)); then
  for f in "$HERE"/fuzz_*.c; do
    f=${f##*/fuzz_}
    targets+=("${f%.c}")
  done
fi
per=$((FUZZ_SECONDS / ${#targets[@]}))
((per >= 1)) || per=1
mkdir -p "$OUT/bin" "$OUT/logs" "$OUT/corpus" "$OUT/crashes"

# execs LOG: the number of inputs libFuzzer ran (-print_final_stats=1), 0 when missing.
execs() {
  sed -n 's/^stat::number_of_executed_units: *\([0-9][0-9]*\)$/\1/p' "$1" | tail -n 1 | grep . || echo 0
}

# report LOG: the first lines of a sanitizer report or failed check, indented.
report() {
  grep -m 3 -E 'ERROR: |runtime error: |check failed: |deadly signal' "$1" | sed 's/^/    /' || true
}

# crash_file LOG: where libFuzzer saved the input that failed.
crash_file() {
  sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$1" | tail -n 1 | grep . || echo none
}

failed=0 total=0
for t in "${targets[@]}"; do
  bin=$OUT/bin/fuzz_$t log=$OUT/logs/$t.log src=()
  for f in $(sources "$t"); do src+=("$REPO/cgi-bin/$f"); done
  if ! "$CC" "${CFLAGS[@]}" -o "$bin" "$HERE/fuzz_$t.c" "${src[@]}" >"$OUT/logs/$t.build.log" 2>&1; then
    cat "$OUT/logs/$t.build.log"
    echo "fuzz $t: FAILED to build (log $OUT/logs/$t.build.log)"
    failed=$((failed + 1))
    continue
  fi
  # Regression check: every committed input must still pass.
  if ! "$bin" -runs=0 -artifact_prefix="$OUT/crashes/$t-" "$HERE/corpus/$t" >"$OUT/logs/$t.replay.log" 2>&1; then
    report "$OUT/logs/$t.replay.log"
    echo "fuzz $t: FAILED replaying tests/fuzz/corpus/$t, crash file $(crash_file "$OUT/logs/$t.replay.log") (log $OUT/logs/$t.replay.log)"
    failed=$((failed + 1))
    continue
  fi
  # A fresh scratch corpus each run, so the committed one stays as it is.
  rm -rf "$OUT/corpus/$t"
  cp -r "$HERE/corpus/$t" "$OUT/corpus/$t"
  rc=0
  "$bin" -max_total_time="$per" -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$OUT/crashes/$t-" "${EXTRA[@]}" "$OUT/corpus/$t" >"$log" 2>&1 || rc=$?
  n=$(execs "$log")
  total=$((total + n))
  if ((rc == 0)); then
    echo "fuzz $t: ok, $n execs"
  else
    report "$log"
    echo "fuzz $t: FAILED after $n execs, crash file $(crash_file "$log") (log $log)"
    failed=$((failed + 1))
  fi
done
echo "fuzz total: $total execs in ${#targets[@]} targets, $failed failed"
((failed == 0))

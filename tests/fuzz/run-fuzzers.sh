#!/usr/bin/env bash
# run-fuzzers.sh: builds the libFuzzer targets of tests/fuzz with clang under
# AddressSanitizer + UndefinedBehaviorSanitizer and runs each for SECONDS,
# starting from its committed seed corpus.  Any crash, leak, timeout (10 s
# per input), sanitizer report or round-trip mismatch (the targets abort)
# fails it.
#
# Usage: run-fuzzers.sh BUILD_DIR SECONDS [TARGET…]
# Prints one line per target, "ok fuzz-NAME: N executions in S s" or
# "FAIL fuzz-NAME: …"; exits 77 when clang is missing, 1 when any failed.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

build=${1:?usage: run-fuzzers.sh BUILD_DIR SECONDS [TARGET…]}
seconds=${2:?usage: run-fuzzers.sh BUILD_DIR SECONDS [TARGET…]}
shift 2
targets=("$@")
# By default every target tests/meson.build names in fuzz_targets, the list
# the builds (libFuzzer's and the corpus replays') are made from.
if [ ${#targets[@]} -eq 0 ]; then
  read -r -a targets <<<"$(sed -n "s/^fuzz_targets = \[\(.*\)\]$/\1/p" tests/meson.build | tr -d "',")"
  [ ${#targets[@]} -gt 0 ] || { echo "FAIL fuzz: no fuzz_targets in tests/meson.build"; exit 1; }
fi

if ! command -v clang >/dev/null 2>&1; then
  echo "clang not found: fuzzing skipped"
  exit 77
fi

if [ ! -f "$build/build.ninja" ]; then
  setup_log=$(mktemp)
  CC=clang meson setup "$build" -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false \
    -Dbuildtype=debug -Dc_args=-fsanitize=fuzzer-no-link >"$setup_log" 2>&1 ||
    { cat "$setup_log"; rm -f "$setup_log"; echo "FAIL fuzz build: meson setup"; exit 1; }
  rm -f "$setup_log"
fi
ninja -C "$build" "${targets[@]/#/tests/fuzz/fuzz-}" >"$build/fuzz-build.log" 2>&1 ||
  { tail -40 "$build/fuzz-build.log"; echo "FAIL fuzz build: ninja"; exit 1; }

status=0
for t in "${targets[@]}"; do
  work=$(mktemp -d)
  log="$build/fuzz-$t.log"
  cp -r "tests/fuzz/corpus/$t/." "$work/"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:allocator_may_return_null=1 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  G_SLICE=always-malloc G_DEBUG=gc-friendly \
    "$build/tests/fuzz/fuzz-$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2560 \
      -max_len=65536 -print_final_stats=1 -artifact_prefix="$build/fuzz-$t-" "$work" >"$log" 2>&1
  rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  if [ $rc -eq 0 ]; then
    echo "ok fuzz-$t: ${runs:-?} executions in $seconds s"
  else
    echo "FAIL fuzz-$t: exit $rc after ${runs:-?} executions (log $log)"
    grep -E "ERROR|SUMMARY|abort|round trip|not readable|rows for" "$log" | head -20 | sed 's/^/  /'
    status=1
  fi
  rm -rf "$work"
done
exit $status

#!/usr/bin/env bash
# Runs each property-test "fuzz" target for a bounded time with many cases.
# Usage: benches/fuzz.sh [SECONDS_PER_TARGET]   (default 600)
set -uo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-600}
cargo test --release --test properties --no-run --quiet
for t in pages_never_panic seed_files_never_panic urls_normalise_once; do
  start=$(date +%s); rounds=0
  while [ $(( $(date +%s) - start )) -lt "$SECS" ]; do
    PROPTEST_CASES=2000 cargo test --release --quiet --test properties "$t" >/tmp/fuzz-$t.log 2>&1 || { echo "$t: FAILED (see /tmp/fuzz-$t.log)"; cat /tmp/fuzz-$t.log | tail -20; exit 1; }
    rounds=$((rounds + 1))
  done
  echo "$t: $((rounds * 2000)) cases in ${SECS}s, no failure"
done

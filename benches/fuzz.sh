#!/usr/bin/env bash
# Runs each property-test "fuzz" target for a bounded time with many cases.
# Usage: benches/fuzz.sh [SECONDS_PER_TARGET] [TARGET ...]   (default 600, all three)
# Failing inputs proptest finds are kept in tests/properties.proptest-regressions
# (the small corpus in the repo) and replayed by every `cargo test`.
# The test binary is built once and run directly, so editing the sources while
# it runs does not change what is being fuzzed.
set -uo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-600}; shift || true
TARGETS=("$@"); [ ${#TARGETS[@]} -eq 0 ] && TARGETS=(pages_never_panic seed_files_never_panic urls_normalise_once)
BIN=$(cargo test --release --test properties --no-run --message-format=json 2>/dev/null \
  | python3 -c 'import json,sys
for l in sys.stdin:
    m = json.loads(l)
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m["target"]["name"] == "properties":
        print(m["executable"])')
[ -x "$BIN" ] || { echo "could not build the properties test"; exit 1; }
# A private copy: a `cargo test` meanwhile would replace the file under us.
COPY=$(mktemp /tmp/govaudit-fuzz-XXXXXX); cp "$BIN" "$COPY"; chmod +x "$COPY"; BIN=$COPY
trap 'rm -f "$COPY"' EXIT
echo "commit $(git rev-parse --short HEAD), $SECS s per target"
for t in "${TARGETS[@]}"; do
  start=$(date +%s); rounds=0
  while [ $(( $(date +%s) - start )) -lt "$SECS" ]; do
    # A fresh random seed every round (proptest draws one per run).
    PROPTEST_CASES=2000 "$BIN" --exact "$t" --quiet >"/tmp/fuzz-$t.log" 2>&1 || { echo "$t: FAILED (see /tmp/fuzz-$t.log)"; tail -20 "/tmp/fuzz-$t.log"; exit 1; }
    rounds=$((rounds + 1))
  done
  echo "$t: $((rounds * 2000)) cases in ${SECS}s, no failure"
done

#!/usr/bin/env bash
# Benchmark: govaudit (all rules) on synthetic portals served by nginx on loopback.
# Usage: benches/run.sh [N ...]   (default: 1000 10000)
# Prints pages/s, links/s and peak RSS per size. Installs nginx when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("$@"); [ ${#SIZES[@]} -eq 0 ] && SIZES=(1000 10000)
OUT=benches/out; mkdir -p "$OUT"
command -v nginx >/dev/null || { apt-get install -y nginx-light >/dev/null 2>&1 || apt-get install -y nginx >/dev/null; }
cargo build --release --quiet
BIN=target/release/govaudit
PORT=18089
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -r)"
printf "%-8s %-10s %-10s %-10s %-12s %-10s\n" pages crawled secs pages/s links/s peakRSS_MiB
for N in "${SIZES[@]}"; do
  SITE="$OUT/site-$N"
  [ -f "$SITE/urls.txt" ] || python3 benches/gen_site.py "$N" "$SITE" >/dev/null
  NDIR="$OUT/nginx-$N"; mkdir -p "$NDIR/tmp"
  sed -e "s#@DIR@#$PWD/$NDIR#g" -e "s#@PORT@#$PORT#g" -e "s#@ROOT@#$PWD/$SITE#g" benches/nginx.conf.in > "$NDIR/nginx.conf"
  nginx -c "$PWD/$NDIR/nginx.conf" & NGX=$!
  sleep 0.5
  START=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$OUT/rss-$N" "$BIN" audit "http://127.0.0.1:$PORT/" --quiet --rate 100000 --concurrency 16 \
      --max-pages $((N * 2)) --max-depth 50 --as-of 2026-11-20 --format json --out "$OUT/report-$N" || true
  END=$(date +%s.%N)
  kill $NGX; wait $NGX 2>/dev/null || true
  python3 - "$OUT/report-$N/report.json" "$START" "$END" "$(cat "$OUT/rss-$N")" "$N" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); secs = float(sys.argv[3]) - float(sys.argv[2]); rss = int(sys.argv[4]) / 1024
s = r["summary"]
print(f"{sys.argv[5]:<8} {s['pages_crawled']:<10} {secs:<10.2f} {s['pages_crawled']/secs:<10.0f} {s['links_checked']/secs:<12.0f} {rss:<10.1f}")
PY
done

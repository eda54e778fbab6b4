#!/usr/bin/env bash
# Benchmark: govaudit (every rule on) and lychee on the same synthetic portals,
# served by nginx on loopback, side by side in one run.
# Usage: benches/run.sh [N ...]            (default: 1000 10000 50000)
# Needs: nginx (installed when missing), lychee (LYCHEE=path, or on PATH;
#        `cargo install lychee --locked`), GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("$@"); [ ${#SIZES[@]} -eq 0 ] && SIZES=(1000 10000 50000)
OUT=benches/out; mkdir -p "$OUT"
command -v nginx >/dev/null || { apt-get install -y nginx-light >/dev/null 2>&1 || apt-get install -y nginx >/dev/null; }
LYCHEE=${LYCHEE:-$(command -v lychee || true)}
cargo build --release --quiet
BIN=target/release/govaudit
PORT=18089
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(uname -r), $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
echo "govaudit $($BIN --version | awk '{print $2}'); lychee ${LYCHEE:+$($LYCHEE --version | awk '{print $2}')}"
printf "%-7s %-9s %-8s %-8s %-9s %-9s %-11s\n" pages tool pages/s links/s secs peak_MiB notes
for N in "${SIZES[@]}"; do
  SITE="$OUT/site-$N"
  [ -f "$SITE/urls.txt" ] || python3 benches/gen_site.py "$N" "$SITE" >/dev/null
  NDIR="$OUT/nginx-$N"; mkdir -p "$NDIR/tmp"
  sed -e "s#@DIR@#$PWD/$NDIR#g" -e "s#@PORT@#$PORT#g" -e "s#@ROOT@#$PWD/$SITE#g" benches/nginx.conf.in > "$NDIR/nginx.conf"
  nginx -c "$PWD/$NDIR/nginx.conf" & NGX=$!
  sleep 0.5
  # govaudit: crawls from the home page, parses every page, runs every rule.
  START=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$OUT/rss-g-$N" "$BIN" audit "http://127.0.0.1:$PORT/" --quiet --no-history --rate 100000 --concurrency 16 \
      --max-pages $((N * 2)) --max-depth 100 --as-of 2026-11-20 --format json --out "$OUT/report-$N" || true
  END=$(date +%s.%N)
  python3 - "$OUT/report-$N/report.json" "$START" "$END" "$(tail -1 "$OUT/rss-g-$N")" "$N" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); secs = float(sys.argv[3]) - float(sys.argv[2]); rss = int(sys.argv[4]) / 1024
s = r["summary"]
print(f"{sys.argv[5]:<7} {'govaudit':<9} {s['pages_crawled']/secs:<8.0f} {s['links_checked']/secs:<8.0f} {secs:<9.2f} {rss:<9.1f} {s['pages_crawled']} pages, {s['links_checked']} links, all rules")
PY
  if [ -n "$LYCHEE" ]; then
    # lychee does not recurse: every page of the site is an input (read from disk,
    # links resolved against the server), unthrottled.
    START=$(date +%s.%N)
    /usr/bin/time -f "%M" -o "$OUT/rss-l-$N" "$LYCHEE" --no-progress --base-url "http://127.0.0.1:$PORT/" --max-concurrency 128 \
        --host-concurrency 128 --format json --output "$OUT/lychee-$N.json" "$SITE/**/*.html" >/dev/null 2>&1 || true
    END=$(date +%s.%N)
    python3 - "$OUT/lychee-$N.json" "$START" "$END" "$(tail -1 "$OUT/rss-l-$N")" "$N" "$SITE" <<'PY'
import json, sys, glob
secs = float(sys.argv[3]) - float(sys.argv[2]); rss = int(sys.argv[4]) / 1024
try:
    r = json.load(open(sys.argv[1])); links = r.get("total", 0)
except Exception:
    links = 0
pages = len(glob.glob(sys.argv[6] + "/**/*.html", recursive=True))
print(f"{sys.argv[5]:<7} {'lychee':<9} {pages/secs:<8.0f} {links/secs:<8.0f} {secs:<9.2f} {rss:<9.1f} {pages} pages, {links} links checked, no page rules")
PY
  fi
  kill $NGX; wait $NGX 2>/dev/null || true
done

#!/usr/bin/env bash
# Benchmark: govaudit (every rule on) and lychee on the same synthetic portals,
# served by nginx on loopback, side by side in one run.
# Usage: benches/run.sh [N ...]            (default: 1000 10000 50000)
# Then a latency run: the 1,000-page site behind 100 ms of server latency
# (nginx echo module), govaudit at --concurrency 256.
# Needs: nginx (installed when missing) with the echo module
#        (libnginx-mod-http-echo), lychee (LYCHEE=path, or on PATH;
#        `cargo install lychee --locked`), GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("$@"); [ ${#SIZES[@]} -eq 0 ] && SIZES=(1000 10000 50000)
OUT=benches/out; mkdir -p "$OUT"
command -v nginx >/dev/null || { apt-get install -y nginx-light >/dev/null 2>&1 || apt-get install -y nginx >/dev/null; }
[ -f /usr/lib/nginx/modules/ngx_http_echo_module.so ] || apt-get install -y libnginx-mod-http-echo >/dev/null 2>&1 || true
LYCHEE=${LYCHEE:-$(command -v lychee || true)}
cargo build --release --quiet
BIN=target/release/govaudit
PORT=18089
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(uname -r), $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
echo "govaudit $($BIN --version | awk '{print $2}'); lychee ${LYCHEE:+$($LYCHEE --version | awk '{print $2}')}"
# start_nginx CONF_TEMPLATE NAME SITE: serves SITE on $PORT; sets NGX to its pid.
start_nginx() {
  local ndir="$OUT/$2"; mkdir -p "$ndir/tmp"
  sed -e "s#@DIR@#$PWD/$ndir#g" -e "s#@PORT@#$PORT#g" -e "s#@ROOT@#$PWD/$3#g" -e "s#@DELAY@#0.1#g" "$1" > "$ndir/nginx.conf"
  nginx -c "$PWD/$ndir/nginx.conf" & NGX=$!
  sleep 0.5
}
printf "%-7s %-9s %-8s %-8s %-9s %-9s %-11s\n" pages tool pages/s links/s secs peak_MiB notes
for N in "${SIZES[@]}"; do
  SITE="$OUT/site-$N"
  [ -f "$SITE/urls.txt" ] || python3 benches/gen_site.py "$N" "$SITE" >/dev/null
  start_nginx benches/nginx.conf.in "nginx-$N" "$SITE"
  # govaudit: crawls from the home page, parses every page, runs every rule.
  START=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$OUT/rss-g-$N" "$BIN" audit "http://127.0.0.1:$PORT/" --quiet --no-history --rate 100000 --concurrency 16 \
      --max-pages $((N * 2)) --max-depth 1000 --as-of 2026-11-20 --format json --out "$OUT/report-$N" || true
  END=$(date +%s.%N)
  python3 - "$OUT/report-$N/report.json" "$START" "$END" "$(tail -1 "$OUT/rss-g-$N")" "$N" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); secs = float(sys.argv[3]) - float(sys.argv[2]); rss = int(sys.argv[4]) / 1024
s = r["summary"]
print(f"{sys.argv[5]:<7} {'govaudit':<9} {s['pages_crawled']/secs:<8.0f} {s['links_checked']/secs:<8.0f} {secs:<9.2f} {rss:<9.1f} {s['pages_crawled']} pages, {s['links_checked']} links, all rules")
PY
  if [ -n "$LYCHEE" ]; then
    # lychee does not recurse: every page of the site is an input URL (so it
    # fetches each page and checks its links), unthrottled: lychee spaces
    # requests to one host by 50 ms unless told otherwise.
    sed "s#^#http://127.0.0.1:$PORT#" "$SITE/urls.txt" > "$OUT/lychee-urls-$N.txt"
    START=$(date +%s.%N)
    /usr/bin/time -f "%M" -o "$OUT/rss-l-$N" "$LYCHEE" --no-progress --max-concurrency 128 --host-concurrency 128 \
        --host-request-interval 0ms --format json --output "$OUT/lychee-$N.json" --files-from "$OUT/lychee-urls-$N.txt" >/dev/null 2>&1 || true
    END=$(date +%s.%N)
    python3 - "$OUT/lychee-$N.json" "$START" "$END" "$(tail -1 "$OUT/rss-l-$N")" "$N" "$SITE" <<'PY'
import json, sys, glob
secs = float(sys.argv[3]) - float(sys.argv[2]); rss = int(sys.argv[4]) / 1024
try:
    r = json.load(open(sys.argv[1])); links = r.get("total", 0)
except Exception:
    links = 0
pages = sum(1 for _ in open(sys.argv[6] + "/urls.txt"))
print(f"{sys.argv[5]:<7} {'lychee':<9} {pages/secs:<8.0f} {links/secs:<8.0f} {secs:<9.2f} {rss:<9.1f} {pages} pages, {links} links checked, no page rules")
PY
  fi
  kill $NGX; wait $NGX 2>/dev/null || true
done
# Latency: 100 ms before every answer; the frontier must keep 256 fetches in flight.
N=1000; SITE="$OUT/site-$N"
[ -f "$SITE/urls.txt" ] || python3 benches/gen_site.py "$N" "$SITE" >/dev/null
start_nginx benches/nginx-slow.conf.in nginx-slow "$SITE"
START=$(date +%s.%N)
/usr/bin/time -f "%M" -o "$OUT/rss-slow" "$BIN" audit "http://127.0.0.1:$PORT/" --quiet --no-history --rate 100000 --concurrency 256 \
    --max-pages $((N * 2)) --max-depth 1000 --as-of 2026-11-20 --format json --out "$OUT/report-slow" || true
END=$(date +%s.%N)
python3 - "$OUT/report-slow/report.json" "$START" "$END" "$(tail -1 "$OUT/rss-slow")" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); secs = float(sys.argv[3]) - float(sys.argv[2]); rss = int(sys.argv[4]) / 1024
s = r["summary"]
print(f"latency 100 ms, --concurrency 256: {s['pages_crawled']} pages, {s['requests']} requests in {secs:.2f} s ({s['pages_crawled']/secs:.0f} pages/s), peak {rss:.1f} MiB")
PY
kill $NGX; wait $NGX 2>/dev/null || true

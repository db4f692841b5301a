#!/usr/bin/env bash
# Throughput of `unioncal serve` against nginx serving the same built files, on loopback:
# wrk, 64 connections, 2 threads, 10 s per run, the main feed (~70 KB), alternating runs.
# Needs nginx and wrk (Debian: apt-get install nginx-light wrk). Prints requests per second,
# p99 latency and errors of each, and the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null && command -v nginx >/dev/null || { echo "needs nginx and wrk"; exit 1; }
cargo build --release -q
work=$(mktemp -d)
chmod 755 "$work"
trap 'kill $serve_pid 2>/dev/null; nginx -p "$work" -c nginx.conf -s stop 2>/dev/null; rm -rf "$work"' EXIT
bin=target/release/unioncal
SOURCE_DATE_EPOCH=0 "$bin" build calendars/hospital.toml --year 2027 --out "$work/site" -q
cat > "$work/nginx.conf" <<CONF
worker_processes 2;
error_log $work/error.log;
pid $work/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  types { text/calendar ics; text/html html; }
  charset utf-8;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  server { listen 127.0.0.1:18081; root $work/site; etag on; add_header Cache-Control "public, max-age=300"; }
}
CONF
nginx -p "$work" -c nginx.conf
SOURCE_DATE_EPOCH=0 "$bin" serve calendars/hospital.toml --year 2027 --port 18082 -q > /dev/null &
serve_pid=$!
sleep 1
run() { wrk -t2 -c64 -d10s --latency "http://127.0.0.1:$1/pku6-union.ics"; }
summary() { awk '/Requests\/sec/ {rps=$2} / 99%/ {p99=$2} /Non-2xx|Socket errors/ {err=err $0 " "} END {print rps, p99, (err == "" ? "no errors" : err)}'; }
for round in 1 2 3; do
  n=$(run 18081 | summary); u=$(run 18082 | summary)
  echo "round $round  nginx: $n   unioncal serve: $u"
  echo "${n%% *} ${u%% *}" >> "$work/rounds"
done
n=$(sort -n -k1 "$work/rounds" | awk 'NR == 2 {print $1}')
u=$(sort -n -k2 "$work/rounds" | awk 'NR == 2 {print $2}')
echo "medians: nginx $n rps, unioncal serve $u rps, ratio $(awk -v n="$n" -v u="$u" 'BEGIN {printf "%.2f", u / n}')"

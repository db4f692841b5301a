#!/usr/bin/env bash
# A federation's build: N copies of the hospital calendar (default 1,000), each with its own
# slug, built into one folder, then rebuilt unchanged. Prints, for each of 3 runs, the wall
# time, CPU use and peak memory (GNU time), and how many files the run wrote; then the
# medians per calendar. Run on an idle machine: cargo build --release first.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
bin=${BIN:-target/release/unioncal}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/cals"
for i in $(seq 1 "$n"); do
  sed "s/^slug = .*/slug = \"union-$i\"/" calendars/hospital.toml > "$work/cals/u$i.toml"
done
export SOURCE_DATE_EPOCH=1790000000 UNIONCAL_CACHE_DIR="$work/cache"
run() {
  local label=$1 stamp="$work/stamp"
  touch "$stamp"; sleep 0.05
  /usr/bin/time -f "%e %P %M" -o "$work/time" "$bin" build "$work"/cals/*.toml --year 2027 --out "$work/out" -q
  local written
  written=$(find "$work/out" -type f -newer "$stamp" | wc -l)
  read -r wall cpu kb < "$work/time"
  echo "$label $wall $cpu $kb $written"
}
{
  for r in 1 2 3; do
    rm -rf "$work/out" "$work/cache"
    run first
    run unchanged
  done
} | tee "$work/results"
python3 - "$work/results" "$n" <<'PY'
import sys, statistics, collections
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    label, wall, cpu, kb, written = line.split()
    rows[label].append((float(wall), cpu, int(kb), int(written)))
n = int(sys.argv[2])
for label, runs in rows.items():
    walls = [r[0] for r in runs]
    m = statistics.median(walls)
    print(f"{label}: median {m:.2f} s = {m / n * 1000:.2f} ms per calendar; "
          f"CPU {', '.join(r[1] for r in runs)}; peak {max(r[2] for r in runs) / 1024:.0f} MB; "
          f"files written {', '.join(str(r[3]) for r in runs)}")
PY

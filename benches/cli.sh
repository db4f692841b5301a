#!/usr/bin/env bash
# Whole-process timings of the release binary with hyperfine (Debian: apt-get install hyperfine),
# and peak memory with /usr/bin/time -v. Prints medians; run on an idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/unioncal
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The synthetic large calendar of benches/expand.rs: 10,000 rules (and 1,000 for the
# tenfold comparison).
for rules in 10000 1000; do
python3 - "$work/large$rules.toml" "$rules" <<'PY'
import sys
out = ['[calendar]', 'name = "bench"', '[defaults]', 'shift = "nearest"', 'location = "职工之家"']
for i in range(int(sys.argv[2])):
    k = i % 5
    if k < 2:   a = f'repeat = "monthly"\nweekday = "wed"\nnth = {i % 4 + 1}'
    elif k < 4: a = f'repeat = "monthly"\nday = {i % 28 + 1}'
    else:       a = 'repeat = "weekly"\nweekdays = ["mon"]\nmonths = [3, 9]'
    out.append(f'[[events]]\nid = "e{i}"\ntitle = "活动{i}"\n{a}\ntime = "09:00"')
open(sys.argv[1], 'w').write('\n'.join(out) + '\n')
PY
done
large=$work/large10000.toml

hyperfine -N --warmup 5 --runs 50 --export-json "$work/build.json" \
  "$bin build calendars/hospital.toml --year 2027 --out $work/public -q"
# 30 runs each: the small run's median moves by several milliseconds between samples.
hyperfine -N --warmup 3 --runs 30 --export-json "$work/large.json" \
  "$bin list $large --from 2021-01-01 --to 2030-12-31 --format json" \
  "$bin list $large --from 2021-01-01 --to 2025-12-31 --format json" \
  "$bin list $work/large1000.toml --from 2021-01-01 --to 2030-12-31 --format json"

python3 - "$work" <<'PY'
import json, sys, statistics
medians = []
for name in ('build', 'large'):
    for r in json.load(open(f'{sys.argv[1]}/{name}.json'))['results']:
        medians.append(statistics.median(r['times']) * 1000)
        print(f"median {medians[-1]:9.1f} ms  {r['command']}")
print(f"tenfold: 10,000 rules take {medians[1] / medians[3]:.2f}x the time of 1,000 (target <= 11)")
PY

count=$($bin list "$large" --from 2021-01-01 --to 2030-12-31 --format json | grep -c '"uid"')
echo "large decade: $count occurrences"
for range in "2021-01-01 2030-12-31" "2021-01-01 2025-12-31"; do
  set -- $range
  /usr/bin/time -v $bin list "$large" --from "$1" --to "$2" --format json 2>&1 >/dev/null \
    | awk -v r="$1..$2" '/Maximum resident/ {printf "peak memory %s: %.0f MB\n", r, $6/1024}'
done
/usr/bin/time -v $bin build calendars/hospital.toml --year 2027 --out "$work/public" -q 2>&1 \
  | awk '/Maximum resident/ {printf "peak memory hospital build: %.1f MB\n", $6/1024}'

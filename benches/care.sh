#!/usr/bin/env bash
# A union of 50,000 members (default; N as the first argument): a generated roster with
# Gregorian and lunar birthdays, ID numbers instead of some birth dates, retirees and
# members in hardship, as .xlsx (when python3 has openpyxl) and as a GBK CSV. Builds the
# year with its care work 5 times each and prints each run's wall time and peak memory
# (GNU time), then the medians. Run on an idle machine. UNIONCAL_BIN=path measures another
# build (run it right after this one to compare side by side).
set -euo pipefail
cd "$(dirname "$0")/.."
# UNIONCAL_BIN names another build to measure (an older one, side by side).
if [ -z "${UNIONCAL_BIN:-}" ]; then
  cargo build --release --quiet
fi
bin=${UNIONCAL_BIN:-$PWD/target/release/unioncal}
members=${1:-50000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" "$members" <<'PY'
import sys, random
work, n = sys.argv[1], int(sys.argv[2])
random.seed(7)
lunar_months = ["正月","二月","三月","四月","五月","六月","七月","八月","九月","十月","冬月","腊月"]
days = ["初一","初五","初十","十五","二十","廿五","三十"]
weights = [7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
def idcard(y, m, d, male):
    body = f"110105{y:04d}{m:02d}{d:02d}{random.randint(0,99):02d}{random.choice([1,3,5,7,9] if male else [0,2,4,6,8])}"
    return body + "10X98765432"[sum(int(c)*w for c, w in zip(body, weights)) % 11]
header = ["编号","姓名","性别","出生日期","农历生日","身份证号","部门","身份","原退休年龄","状态","困难职工","同意公开"]
rows = []
for i in range(n):
    male = random.random() < 0.5
    y, m, d = random.randint(1960, 2003), random.randint(1, 12), random.randint(1, 28)
    birth = f"{y}-{m:02d}-{d:02d}"
    ident = ""
    if random.random() < 0.1:
        birth, ident = "", idcard(y, m, d, male)
    lunar = random.choice(lunar_months) + random.choice(days) if random.random() < 0.2 else ""
    status = "退休" if y < 1964 else "在职"
    rows.append([f"M{i:06d}", f"会员{i}", "男" if male else "女", birth, lunar, ident,
                 random.choice(["内科","外科","护理部","后勤处"]), random.choice(["干部","工人"]),
                 "", status, "是" if random.random() < 0.03 else "", ""])
with open(f"{work}/roster.csv", "w", encoding="gbk", newline="") as f:
    for r in [header] + rows:
        f.write(",".join(r) + "\r\n")
try:
    import openpyxl
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("会员")
    for r in [header] + rows:
        ws.append(r)
    wb.save(f"{work}/roster.xlsx")
except ImportError:
    print("openpyxl not installed: the .xlsx roster is skipped", file=sys.stderr)
PY

for roster in roster.xlsx roster.csv; do
  [ -f "$work/$roster" ] || continue
  cat > "$work/union.toml" <<TOML
[calendar]
name = "大型工会"
year = 2027

[[events]]
id = "birthday-party"
title = "集体生日会"
repeat = "monthly"
day = 25

[care]
roster = "$roster"

[care.birthdays]
party = "birthday-party"

[care.retirement]

[[care.visits]]
id = "retirees"
title = "重阳节走访慰问退休职工"
who = { "状态" = "退休" }
lunar = "09-09"

[[care.visits]]
id = "hardship"
title = "春节前走访困难职工"
who = { "困难职工" = "是" }
holiday = "春节"
offset = "-7d"
TOML
  echo "== $members members, $roster"
  times=()
  for run in 1 2 3 4 5; do
    rm -rf "$work/public" "$work/private"
    /usr/bin/time -f "%e %M" -o "$work/time" "$bin" build "$work/union.toml" --out "$work/public" -q
    read -r seconds kb < "$work/time"
    echo "run $run: ${seconds} s, $((kb / 1024)) MB"
    times+=("$seconds $kb")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p | awk '{printf "median: %s s, %d MB\n", $1, $2/1024}'
done

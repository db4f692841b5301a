#!/usr/bin/env bash
# The Windows binary under Wine, on the hospital calendar: the same files as the Linux
# binary (byte for byte, with SOURCE_DATE_EPOCH), Chinese in paths and in console output.
# Needs the x86_64-pc-windows-gnu target, mingw-w64 and Wine; says why and skips without.
# Debian's Wine 8 has no bcryptprimitives.dll (Rust's std asks it for random bytes), so a
# test-only stand-in built from tests/windows/bcryptprimitives.c sits beside the exe.
set -euo pipefail
cd "$(dirname "$0")/.."
skip() { echo "SKIPPED windows smoke test: $*"; exit 0; }
grep -q x86_64-pc-windows-gnu <<<"$(rustup target list --installed 2>/dev/null || true)" || skip "rust target x86_64-pc-windows-gnu not installed (rustup target add x86_64-pc-windows-gnu)"
command -v x86_64-w64-mingw32-gcc >/dev/null || skip "mingw-w64 not installed (apt-get install gcc-mingw-w64-x86-64)"
wine=$(command -v wine64 || command -v wine || ls /usr/lib/wine/wine64 2>/dev/null || true)
[ -n "$wine" ] || skip "Wine not installed (apt-get install wine64)"

export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
cargo build --locked --release --target x86_64-pc-windows-gnu -q
# The Linux reference: the release binary scripts/release.sh made, else a release build.
linux=$(ls dist/unioncal-*-x86_64-linux 2>/dev/null | head -1 || true)
if [ -z "$linux" ]; then
  cargo build --locked --release -q
  linux=target/release/unioncal
fi
linux=$(readlink -f "$linux")
work=$(mktemp -d)
server="$(dirname "$(readlink -f "$wine")")/wineserver"
trap 'WINEPREFIX="$work/prefix" "$server" -k 2>/dev/null || true; rm -rf "$work"' EXIT
cp target/x86_64-pc-windows-gnu/release/unioncal.exe "$work/"
x86_64-w64-mingw32-gcc -O2 -shared -o "$work/bcryptprimitives.dll" tests/windows/bcryptprimitives.c
mkdir -p "$work/工会"
cp calendars/hospital.toml "$work/工会/2027年计划.toml"
export WINEPREFIX="$work/prefix" WINEDEBUG=-all SOURCE_DATE_EPOCH=1796083200
(cd "$work" && timeout 300 "$wine" unioncal.exe build "工会/2027年计划.toml" --year 2027 --out 输出 -q) \
  || { echo "FAILED: the Windows build under Wine exited with $?"; exit 1; }
(cd "$work" && "$linux" build "工会/2027年计划.toml" --year 2027 --out linux -q)
files=$(cd "$work/linux" && find . -type f | wc -l)
if ! diff -r "$work/linux" "$work/输出" >/dev/null; then
  diff -rq "$work/linux" "$work/输出" | head
  echo "FAILED: the Windows build differs from the Linux one"
  exit 1
fi
out=$(cd "$work" && UNIONCAL_LANG=zh timeout 120 "$wine" unioncal.exe check "工会/2027年计划.toml" --year 2027 2>&1 || true)
case "$out" in
  *"工会/2027年计划.toml：27 条规则"*) ;;
  *) echo "FAILED: Chinese console output: $out"; exit 1 ;;
esac
echo "windows smoke test: $files files identical to Linux's; console: ${out##*$'\n'}"

# The private folder inside the public one is refused on Windows too: after the public
# folder exists (no \\?\ prefix on one side only) and in another letter case.
cp tests/fixtures/care/sample-roster.xlsx "$work/名册.xlsx"
mkdir -p "$work/public"
for private in "public/members" "PUBLIC/members" "Public\\members"; do
  printf '[calendar]\nname = "测试工会"\nslug = "union"\nyear = 2027\n\n[[events]]\nid = "a"\ntitle = "活动"\ndate = "03-08"\n\n[care]\nroster = "名册.xlsx"\nprivate = '"'"'%s'"'"'\n\n[care.birthdays]\n' "$private" > "$work/care.toml"
  code=0
  (cd "$work" && timeout 120 "$wine" unioncal.exe build care.toml --out public -q >/dev/null 2>&1) || code=$?
  [ "$code" = 2 ] || { echo "FAILED: private = \"$private\" inside the public folder exited $code under Wine"; exit 1; }
  if [ -n "$(find "$work/public" -iname care.xlsx)" ]; then
    echo "FAILED: care.xlsx written into the public folder ($private)"; exit 1
  fi
done
echo "windows private folder: inside the public one refused in three spellings"

# A state file planted with an `&` in its token, a stranger's server answering 200 on its
# port: the start neither believes it nor hands the URL to a shell (no pwned.txt).
planted=$(mktemp -d)
cp "$work/unioncal.exe" "$work/bcryptprimitives.dll" "$planted/"
python3 - "$planted/port" <<'PY' &
import socket, sys
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(8)
open(sys.argv[1], "w").write(str(s.getsockname()[1]))
s.settimeout(90)
try:
    while True:
        c, _ = s.accept(); c.recv(4096)
        c.sendall(b'HTTP/1.1 200 OK\r\nContent-Length: 17\r\n\r\n{"unioncal": true}'); c.close()
except Exception:
    pass
PY
stranger=$!
for _ in $(seq 1 50); do [ -s "$planted/port" ] && break; sleep 0.1; done
printf '%s a&echo>pwned.txt %s\n' "$(cat "$planted/port")" "BBBBBBBBBBBBBBBBBBBBBBBB" > "$planted/.unioncal-start"
(cd "$planted" && UNIONCAL_LANG=zh timeout 60 "$wine" unioncal.exe start --port 0 > "$planted/out.txt" 2>&1 &)
for _ in $(seq 1 60); do grep -aq 'token=' "$planted/out.txt" 2>/dev/null && break; sleep 1; done
kill "$stranger" 2>/dev/null || true
grep -aq '已打开' "$planted/out.txt" || { echo "FAILED: the planted state file was believed: $(cat "$planted/out.txt")"; exit 1; }
sleep 2
[ ! -e "$planted/pwned.txt" ] || { echo "FAILED: a token from the state file ran a command"; exit 1; }
WINEPREFIX="$work/prefix" "$server" -k 2>/dev/null || true
rm -rf "$planted"
echo "windows state file: a planted token with & neither believed nor run"

# Double-clicked: no arguments runs `start` in the exe's folder, which gets the starter
# calendar and serves the preview with the workbench.
app=$(mktemp -d)
cp "$work/unioncal.exe" "$work/bcryptprimitives.dll" "$app/"
(cd "$app" && UNIONCAL_NO_OPEN=1 UNIONCAL_LANG=zh timeout 120 "$wine" unioncal.exe > "$app/out.txt" 2>&1 &)
url=""
for _ in $(seq 1 120); do
  url=$(grep -ao 'http://127.0.0.1:[0-9]*/?token=[A-Za-z0-9_-]*' "$app/out.txt" 2>/dev/null | head -1 || true)
  [ -n "$url" ] && break
  sleep 1
done
[ -n "$url" ] || { echo "FAILED: no address from the double-clicked exe: $(cat "$app/out.txt")"; exit 1; }
base=${url%%/\?*}
status_page=$(python3 -c 'import sys,urllib.request; print(urllib.request.urlopen(sys.argv[1]).status)' "$base/index.html")
status_bench=$(python3 -c 'import sys,urllib.request; r=urllib.request.urlopen(sys.argv[1]); print(r.status, "生成全部文件" in r.read().decode())' "$url")
[ -f "$app/unioncal.toml" ] || { echo "FAILED: no starter calendar beside the exe"; exit 1; }
[ "$status_page" = "200" ] && [ "$status_bench" = "200 True" ] || { echo "FAILED: preview $status_page, workbench $status_bench"; exit 1; }
WINEPREFIX="$work/prefix" "$server" -k 2>/dev/null || true
rm -rf "$app"
echo "windows double-click: starter written, preview and workbench served at $base"

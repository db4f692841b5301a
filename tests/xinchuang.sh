#!/usr/bin/env bash
# The 信创 builds under emulation (qemu-user), for ARM64 and LoongArch, from dist/ as
# scripts/release.sh leaves it:
#   - `unioncal --version`;
#   - every shipped calendar built byte for byte as the x86_64 binary builds it
#     (SOURCE_DATE_EPOCH fixed);
#   - `start --no-open` answering one action (生成全部文件), then ended by 退出;
#   - the .deb: lintian and desktop-file-validate clean, installed with `dpkg --root`, its
#     binary run, and its menu entry's command making ~/工会日历 with the starter on first
#     use, a second launch finding the running workbench.
# A missing binary, qemu or tool is reported as a skip with what to install.
set -euo pipefail
cd "$(dirname "$0")/.."
skip() { echo "SKIPPED $*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

version=$(cargo metadata --no-deps --format-version 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["packages"][0]["version"])')
x86=dist/unioncal-$version-x86_64-linux
[ -x "$x86" ] || { skip "信创 tests: no $x86 (run bash scripts/release.sh)"; exit 0; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1790000000 UNIONCAL_LANG=zh LC_ALL=C.UTF-8

# Every shipped calendar built by `runner…` into $1.
build_all() {
  local out=$1
  shift
  for calendar in calendars/*.toml; do
    local name
    name=$(basename "$calendar" .toml)
    UNIONCAL_DATA_DIR="$work/data" "$@" build "$calendar" --out "$out/$name" -q \
      || fail "build $calendar with $*"
  done
}
build_all "$work/x86_64" "$x86"

# `start` in a new folder under `runner…`: one action answered, then 退出 ends it.
start_and_stop() {
  local folder=$1
  shift
  python3 - "$folder" "$@" <<'PY'
import json, subprocess, sys, time, urllib.request
folder, command = sys.argv[1], sys.argv[2:]
proc = subprocess.Popen(command + ["start", folder, "--no-open", "--port", "0"],
                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
line = proc.stdout.readline()
url = line[line.index("http://"):].split()[0]
base, token = url.split("/?token=")
def act(name, body=b"{}"):
    request = urllib.request.Request(base + "/__unioncal/action/" + name, data=body, method="POST",
                                     headers={"X-Unioncal-Token": token, "Origin": base})
    with urllib.request.urlopen(request, timeout=300) as answer:
        return json.load(answer)
built = act("build")
assert built["ok"], built
act("stop")
deadline = time.time() + 30
while proc.poll() is None and time.time() < deadline:
    time.sleep(0.2)
assert proc.poll() == 0, "start did not end after 退出"
print("  start: built", built["out"], "and ended on 退出")
PY
}

for arch in aarch64 loongarch64; do
  binary=dist/unioncal-$version-$arch-linux
  qemu=qemu-$arch-static
  if [ ! -x "$binary" ]; then
    skip "$arch: no $binary (bash scripts/release.sh --only $arch)"
    continue
  fi
  if ! command -v "$qemu" >/dev/null; then
    skip "$arch: no $qemu (apt-get install qemu-user-static; LoongArch needs QEMU 8.1 or later, from bookworm-backports)"
    continue
  fi
  qemu_version=$(grep -oE -m1 '[0-9]+\.[0-9]+' <<<"$("$qemu" --version)" | sed -n 1p)
  if [ "$arch" = loongarch64 ] && [ "$(printf '%s\n8.1\n' "$qemu_version" | sort -V | head -1)" != 8.1 ]; then
    skip "$arch: QEMU $qemu_version runs no LSX instructions (apt-get install -t bookworm-backports qemu-user-static)"
    continue
  fi
  echo "== $arch under $qemu $qemu_version"
  grep -q "unioncal $version" <<<"$("$qemu" "$binary" --version)" || fail "$arch --version"
  build_all "$work/$arch" "$qemu" "$binary"
  diff -r "$work/x86_64" "$work/$arch" >/dev/null || {
    diff -rq "$work/x86_64" "$work/$arch" | head >&2
    fail "$arch built the shipped calendars differently from x86_64"
  }
  echo "  every shipped calendar ($(ls calendars/*.toml | wc -l)) byte-identical to x86_64"
  start_and_stop "$work/start-$arch" "$qemu" "$binary"
done

# The packages.
for deb in dist/unioncal_"$version"-1_*.deb; do
  [ -e "$deb" ] || { skip "packages: no dist/*.deb (cargo install cargo-deb, then scripts/release.sh)"; break; }
  debarch=$(dpkg-deb -f "$deb" Architecture)
  echo "== $deb ($debarch)"
  if command -v lintian >/dev/null; then
    # Debian 12's lintian knows no loong64: only that, and the ELF it then takes for another
    # architecture's, is let pass, and only for loong64.
    report=$(lintian --fail-on none "$deb" 2>&1 | grep -v 'running with root privileges' || true)
    if [ "$debarch" = loong64 ]; then
      report=$(grep -v 'unknown-architecture loong64\|binary-from-other-architecture' <<<"$report" || true)
    fi
    [ -z "$report" ] || { echo "$report" >&2; fail "lintian on $deb"; }
    echo "  lintian: clean"
  else
    skip "lintian (apt-get install lintian)"
  fi
  root="$work/root-$debarch"
  mkdir -p "$root/var/lib/dpkg/updates" "$root/var/lib/dpkg/info"
  touch "$root/var/lib/dpkg/status" "$root/var/lib/dpkg/available"
  # Another architecture's package, and xdg-utils absent from the empty root: both allowed.
  dpkg_said=$(dpkg --root="$root" --force-architecture --force-depends -i "$deb" 2>&1) \
    || { echo "$dpkg_said" >&2; fail "dpkg --root -i $deb"; }
  entry="$root/usr/share/applications/unioncal.desktop"
  for installed in usr/bin/unioncal usr/share/applications/unioncal.desktop \
    usr/share/icons/hicolor/scalable/apps/unioncal.svg usr/share/man/man1/unioncal.1.gz \
    usr/share/man/zh_CN/man1/unioncal.1.gz usr/share/doc/unioncal/copyright; do
    [ -e "$root/$installed" ] || fail "$deb installs no /$installed"
  done
  if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$entry" || fail "desktop-file-validate $entry"
  else
    skip "desktop-file-validate (apt-get install desktop-file-utils)"
  fi
  grep -qx 'Name\[zh_CN\]=工会日历' "$entry" || fail "the menu entry is not named 工会日历"
  case $debarch in
    amd64) runner=() ;;
    arm64) runner=(qemu-aarch64-static) ;;
    loong64) runner=(qemu-loongarch64-static) ;;
    *) fail "unknown architecture $debarch" ;;
  esac
  if [ ${#runner[@]} -gt 0 ] && ! command -v "${runner[0]}" >/dev/null; then
    skip "running the installed $debarch binary: no ${runner[0]}"
    continue
  fi
  grep -q "unioncal $version" <<<"$("${runner[@]}" "$root/usr/bin/unioncal" --version)" \
    || fail "installed $debarch binary"
  # The menu entry's command: ~/工会日历 made with the starter; a second launch finds it.
  exec_line=$(grep '^Exec=' "$entry" | cut -d= -f2-)
  [ "$exec_line" = "unioncal start --home-folder" ] || fail "Exec=$exec_line"
  home="$work/home-$debarch"
  mkdir -p "$home"
  HOME="$home" python3 - "$home" "${runner[@]}" "$root/usr/bin/unioncal" <<'PY'
import os, subprocess, sys, time
home, command = sys.argv[1], sys.argv[2:]
first = subprocess.Popen(command + ["start", "--home-folder", "--no-open", "--port", "0"],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
line = first.stdout.readline()
assert "token=" in line, line
calendar = os.path.join(home, "工会日历", "unioncal.toml")
assert os.path.exists(calendar), "no starter in ~/工会日历"
second = subprocess.run(command + ["start", "--home-folder", "--no-open"], capture_output=True,
                        text=True, timeout=120)
assert second.returncode == 0 and "token=" in second.stdout, second
assert first.poll() is None, "the first workbench ended"
first.terminate()
first.wait(30)
print("  the menu entry's command made ~/工会日历 and a second launch found the workbench")
PY
done
echo "信创 tests done"

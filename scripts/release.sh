#!/usr/bin/env bash
# Release binaries: Linux static (non-PIE, glibc static, fat LTO) and, when the target and
# mingw are installed, Windows (x86_64-pc-windows-gnu) packed as a zip with the example
# calendars. Output in dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(cargo metadata --no-deps --format-version 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["packages"][0]["version"])')
mkdir -p dist

# Linux: the target is named explicitly so that build scripts and proc macros (host code)
# are not built static.
RUSTFLAGS="-C relocation-model=static -C target-feature=+crt-static" \
  cargo build --locked --profile release-static --target x86_64-unknown-linux-gnu
linux=target/x86_64-unknown-linux-gnu/release-static/unioncal
if grep -q INTERP <<<"$(readelf -l "$linux")" || grep -q NEEDED <<<"$(readelf -d "$linux")"; then
  echo "error: $linux is not static" >&2
  exit 1
fi
cp "$linux" "dist/unioncal-$version-x86_64-linux"
echo "dist/unioncal-$version-x86_64-linux (static)"

if grep -q x86_64-pc-windows-gnu <<<"$(rustup target list --installed 2>/dev/null || true)" && command -v x86_64-w64-mingw32-gcc >/dev/null; then
  CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc \
    cargo build --locked --release --target x86_64-pc-windows-gnu
  stage=$(mktemp -d)
  mkdir -p "$stage/zip/calendars"
  # unioncal.exe at the top of the zip: unpacked, it is the first thing to double-click.
  cp target/x86_64-pc-windows-gnu/release/unioncal.exe "$stage/zip/"
  cp calendars/*.toml calendars/unioncal.schema.json "$stage/zip/calendars/"
  cp README.md "$stage/zip/"
  # The user guide and the format's reference, for officers (plain Markdown, readable in Notepad).
  mkdir -p "$stage/zip/docs/guide"
  cp docs/reference.md "$stage/zip/docs/"
  cp docs/guide/*.md "$stage/zip/docs/guide/"
  # CRLF, so that every Notepad shows the lines.
  python3 -c 'import sys; open(sys.argv[2], "wb").write(open(sys.argv[1], "rb").read().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))' \
    scripts/windows-quickstart.txt "$stage/zip/使用说明.txt"
  (cd "$stage/zip" && python3 -m zipfile -c "../unioncal-$version-windows-x86_64.zip" unioncal.exe 使用说明.txt README.md docs calendars)
  # Asked of the zip's own index: a `zipfile -l | grep -q` pipe fails under pipefail when grep
  # stops reading early and the lister gets a broken pipe.
  python3 -c 'import sys, zipfile; sys.exit("docs/guide/README.md" not in zipfile.ZipFile(sys.argv[1]).namelist())' \
    "$stage/unioncal-$version-windows-x86_64.zip" \
    || { echo "error: the Windows zip lacks the user guide" >&2; exit 1; }
  mv "$stage/unioncal-$version-windows-x86_64.zip" dist/
  rm -rf "$stage"
  echo "dist/unioncal-$version-windows-x86_64.zip"
else
  echo "skipped Windows: rustup target add x86_64-pc-windows-gnu and apt-get install gcc-mingw-w64-x86-64"
fi

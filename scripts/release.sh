#!/usr/bin/env bash
# Release artifacts in dist/:
#   unioncal-VERSION-{x86_64,aarch64,loongarch64}-linux   static binaries (non-PIE glibc for
#       x86_64 and ARM64 (飞腾, 鲲鹏), musl for new-world LoongArch (龙芯 3A5000/3A6000)),
#       each also as a .tar.gz with the guide and the example calendars;
#   unioncal_VERSION-1_{amd64,arm64,loong64}.deb           with a menu entry and man pages;
#   unioncal-VERSION-windows-x86_64.zip.
# `--only TARGET` (x86_64, aarch64, loongarch64, windows) builds one. A target whose tools
# are missing is skipped, saying which to install (`.ci/run` installs them).
set -euo pipefail
cd "$(dirname "$0")/.."

only=""
if [ "${1:-}" = "--only" ]; then
  only="${2:-}"
fi
case "$only" in
  "" | x86_64 | aarch64 | loongarch64 | windows) ;;
  *) echo "error: --only takes x86_64, aarch64, loongarch64 or windows (not '$only')" >&2; exit 2 ;;
esac
wanted() { [ -z "$only" ] || [ "$only" = "$1" ]; }
skipped() { echo "skipped $1: $2"; }

version=$(cargo metadata --no-deps --format-version 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["packages"][0]["version"])')
mkdir -p dist
# Fixed times in archives, from SOURCE_DATE_EPOCH when set.
epoch=${SOURCE_DATE_EPOCH:-0}

# The man pages, English and Chinese, from the command line's own definitions (once).
man_made=""
man_pages() {
  [ -n "$man_made" ] && return
  rm -rf target/man
  cargo run --locked -q --example manpage -- target/man
  gzip -9nf target/man/man1/*.1 target/man/zh_CN/man1/*.1
  man_made=1
}

# A built Linux binary: refused unless static, then copied to dist/, packed as a tar.gz
# (fixed order, owner and times) and, when cargo-deb is installed, as a .deb.
ship_linux() {
  local arch=$1 triple=$2 binary=$3
  if grep -q INTERP <<<"$(readelf -l "$binary")" || grep -q NEEDED <<<"$(readelf -d "$binary")"; then
    echo "error: $binary is not static" >&2
    exit 1
  fi
  cp "$binary" "dist/unioncal-$version-$arch-linux"
  echo "dist/unioncal-$version-$arch-linux (static)"
  local stage name
  stage=$(mktemp -d)
  name="unioncal-$version-$arch-linux"
  mkdir -p "$stage/$name/calendars" "$stage/$name/docs/guide"
  cp "$binary" "$stage/$name/unioncal"
  cp README.md LICENSE "$stage/$name/"
  cp calendars/*.toml calendars/unioncal.schema.json "$stage/$name/calendars/"
  cp docs/reference.md "$stage/$name/docs/"
  cp docs/guide/*.md "$stage/$name/docs/guide/"
  tar --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner -C "$stage" -cf - "$name" \
    | gzip -9n > "dist/$name.tar.gz"
  rm -rf "$stage"
  echo "dist/$name.tar.gz"
  if command -v cargo-deb >/dev/null; then
    man_pages
    cargo deb --locked --no-build --no-strip --target "$triple" --profile release-static --output dist/ -q
  else
    skipped "the $arch .deb" "cargo install cargo-deb"
  fi
}

# The Linux builds, one after another in one target folder (they share the host's build
# scripts and proc macros; side by side on two cores they took as long).
static_flags="-C relocation-model=static -C target-feature=+crt-static"

# x86_64: the target named explicitly so that build scripts and proc macros (host code) are
# not built static.
build_x86_64() {
  RUSTFLAGS="$static_flags" cargo build --locked --profile release-static --target x86_64-unknown-linux-gnu
}

# ARM64 (统信UOS 20 and 麒麟 V10 have glibc 2.28): static glibc, so no glibc version is asked
# of the system. Debian's cross gcc links it and compiles the C of one dependency (psm).
build_aarch64() {
  CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc \
    CC_aarch64_unknown_linux_gnu=aarch64-linux-gnu-gcc RUSTFLAGS="$static_flags" \
    cargo build --locked --profile release-static --target aarch64-unknown-linux-gnu
}

# LoongArch64, new world: no prebuilt std is reachable for it, so std is built from source
# (the rust-src component; RUSTC_BOOTSTRAP lets the stable compiler take -Zbuild-std) and
# zig links it against musl, with its own start files (rustc has none for this target).
build_loongarch64() {
  RUSTC_BOOTSTRAP=1 RUSTFLAGS="-C target-feature=+crt-static -C link-self-contained=no" \
    cargo zigbuild --locked --profile release-static --target loongarch64-unknown-linux-musl \
    -Zbuild-std=std,panic_abort
}

# arch and triple of each Linux build that is wanted and has its tools.
linux=()
if wanted x86_64; then
  linux+=("x86_64 x86_64-unknown-linux-gnu")
fi
if wanted aarch64; then
  if ! grep -q aarch64-unknown-linux-gnu <<<"$(rustup target list --installed 2>/dev/null || true)"; then
    skipped aarch64 "rustup target add aarch64-unknown-linux-gnu"
  elif ! command -v aarch64-linux-gnu-gcc >/dev/null; then
    skipped aarch64 "apt-get install gcc-aarch64-linux-gnu"
  else
    linux+=("aarch64 aarch64-unknown-linux-gnu")
  fi
fi
if wanted loongarch64; then
  if ! grep -q '^rust-src' <<<"$(rustup component list --installed 2>/dev/null || true)"; then
    skipped loongarch64 "rustup component add rust-src"
  elif ! command -v cargo-zigbuild >/dev/null; then
    skipped loongarch64 "python3 -m pip install ziglang cargo-zigbuild"
  else
    linux+=("loongarch64 loongarch64-unknown-linux-musl")
  fi
fi

for build in "${linux[@]}"; do
  read -r arch triple <<<"$build"
  "build_$arch"
  ship_linux "$arch" "$triple" "target/$triple/release-static/unioncal"
done

if wanted windows; then
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
    skipped Windows "rustup target add x86_64-pc-windows-gnu and apt-get install gcc-mingw-w64-x86-64"
  fi
fi

#!/usr/bin/env bash
# `make dist`: one self-contained sitegen for Linux x86-64, packaged for download.
#
#   scripts/dist.sh [--no-build]
#
# Builds the committed tree (HEAD, copied to .build-dist/src) as a release binary with Swift's
# standard library and Foundation linked statically (--static-swift-stdlib), cmark-gfm from
# Debian's static archives (libcmark-gfm.a, libcmark-gfm-extensions.a, through a pkg-config
# file of our own used for this build only) and libstdc++/libgcc statically, with the commit
# compiled in; strips it, refuses it when it needs a shared library other than glibc's (it
# warns for libcurl/libxml2, which Foundation's URLSession/XML would need), and writes
#
#   dist/sitegen-<version>-linux-x86_64.tar.gz          sitegen, README, LICENSES/
#   dist/sitegen-<version>-linux-x86_64.tar.gz.sha256   for `sha256sum -c`
#
# A plain `swift build` is unaffected: it links cmark-gfm's shared library as before and its
# `sitegen --version` says "unknown commit".
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
SWIFT=${SWIFT:-$(command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)}
SCRATCH=.build-dist
STATIC="$ROOT/$SCRATCH/static"          # the pkg-config file and the archives it names
GENERATED=Sources/sitegen/BuildCommit.generated.swift
BUILD=1
[ "${1:-}" = "--no-build" ] && BUILD=0
say() { echo "» $*" >&2; }
die() { echo "dist: error: $*" >&2; exit 1; }

# The static archives, and the Debian packages that ship them.
MULTIARCH=$(gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)
CMARK_A=/usr/lib/$MULTIARCH/libcmark-gfm.a
CMARK_EXT_A=/usr/lib/$MULTIARCH/libcmark-gfm-extensions.a
STDCXX_A=$(gcc -print-file-name=libstdc++.a 2>/dev/null || true)
ZLIB_A=/usr/lib/$MULTIARCH/libz.a      # SwiftNIO's HTTP compression (zlib1g-dev)
[ -f "$CMARK_A" ] || die "$CMARK_A is missing (Debian package libcmark-gfm-dev; run make deps)"
[ -f "$CMARK_EXT_A" ] || die "$CMARK_EXT_A is missing (Debian package libcmark-gfm-extensions-dev; run make deps)"
[ -f "$ZLIB_A" ] || die "$ZLIB_A is missing (Debian package zlib1g-dev)"
[ -f "$STDCXX_A" ] || die "libstdc++.a is missing (Debian package libstdc++-12-dev, or gcc's)"
TOOLCHAIN=$(dirname "$(dirname "$(readlink -f "$(command -v "$SWIFT")")")")   # …/usr
[ -f "$TOOLCHAIN/lib/swift_static/linux/libswiftCore.a" ] \
  || die "$TOOLCHAIN/lib/swift_static has no libswiftCore.a (needed for --static-swift-stdlib)"

# The build works on a copy of the committed tree (HEAD) in $SCRATCH/src, so that the commit
# it names is exactly what it built and editing the working tree meanwhile cannot disturb it.
# Only files that changed since the last copy are rewritten (SwiftPM then rebuilds less).
SRC="$ROOT/$SCRATCH/src"
git rev-parse --verify -q HEAD >/dev/null || die "not a git checkout: make dist builds a commit"
commit=$(git rev-parse --short=12 HEAD)
if [ -n "$(git status --porcelain -- Sources Package.swift templates 2>/dev/null)" ]; then
  say "warning: uncommitted changes in Sources/, templates/ or Package.swift are not in the build (it builds $commit)"
fi

if [ "$BUILD" = 1 ]; then
  EXPORT=$(mktemp -d "${TMPDIR:-/tmp}/sitegen-dist-export.XXXXXX")
  git archive --format=tar HEAD | tar -x -C "$EXPORT"
  [ -f Package.resolved ] && cp Package.resolved "$EXPORT/"
  # The commit, compiled in (a file that exists only in this copy, never in the repository).
  printf '// Written by scripts/dist.sh into its copy of the tree; never committed.\nlet embeddedCommit = "%s"\n' "$commit" > "$EXPORT/$GENERATED"
  mkdir -p "$SRC"
  (cd "$EXPORT" && find . -type f) | while IFS= read -r f; do
    cmp -s "$EXPORT/$f" "$SRC/$f" || { mkdir -p "$(dirname "$SRC/$f")"; cp "$EXPORT/$f" "$SRC/$f"; }
  done
  (cd "$SRC" && find . -type f) | while IFS= read -r f; do [ -e "$EXPORT/$f" ] || rm -f "$SRC/$f"; done
  rm -rf "$EXPORT"

  # A folder holding only the static archives: the linker finds libcmark-gfm.a there before
  # it searches the system folder with the shared library. Same for libstdc++ and zlib. Foundation's
  # URLSession (FoundationNetworking) and XML (FoundationXML), when the code uses them, need
  # libcurl and libxml2, of which Debian has no static build usable here: they stay shared
  # (a libcurl.so link for the linker when the -dev package is missing), and the check below
  # names them.
  rm -rf "$STATIC" && mkdir -p "$STATIC/lib" "$STATIC/pkgconfig"
  ln -s "$CMARK_A" "$CMARK_EXT_A" "$STDCXX_A" "$ZLIB_A" "$STATIC/lib/"
  rm -f "$ROOT/$SCRATCH/release/sitegen"   # relink: the linker's inputs above are not tracked
  if [ ! -e "/usr/lib/$MULTIARCH/libcurl.so" ] && [ -e "/usr/lib/$MULTIARCH/libcurl.so.4" ]; then
    ln -s "/usr/lib/$MULTIARCH/libcurl.so.4" "$STATIC/lib/libcurl.so"
  fi
  version=$(pkg-config --modversion libcmark-gfm 2>/dev/null || echo unknown)
  cat > "$STATIC/pkgconfig/libcmark-gfm.pc" <<EOF
Name: libcmark-gfm
Description: cmark-gfm linked from its static archives (written by scripts/dist.sh)
Version: $version
Libs: -L$STATIC/lib -lcmark-gfm -lcmark-gfm-extensions
Cflags: -I/usr/include
EOF

  say "Building $commit statically in $SCRATCH (release; several minutes on 2 cores)"
  start=$SECONDS
  PKG_CONFIG_PATH="$STATIC/pkgconfig" "$SWIFT" build -c release --product sitegen \
    --package-path "$SRC" --scratch-path "$ROOT/$SCRATCH" \
    --static-swift-stdlib \
    -Xswiftc -DSITEGEN_EMBED_COMMIT \
    -Xlinker -L"$STATIC/lib" \
    -Xswiftc -Xclang-linker -Xswiftc -static-libgcc >&2
  say "Built in $((SECONDS - start)) s"
fi
BIN="$("$SWIFT" build -c release --package-path "$SRC" --scratch-path "$ROOT/$SCRATCH" --show-bin-path)/sitegen"
[ -x "$BIN" ] || die "no binary at $BIN (run without --no-build)"

# Nothing but glibc: every NEEDED entry must be one of its libraries.
needed=$(readelf -d "$BIN" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
others=$(echo "$needed" | grep -v -E '^(libc|libm|libdl|libpthread|librt|libutil|libresolv|ld-linux-x86-64)\.so\.[0-9.]+$' || true)
foundation=$(echo "$others" | grep -E '^(libcurl|libxml2)\.so' || true)
[ -z "$(echo "$others" | grep -v -E '^(libcurl|libxml2)\.so' || true)" ] \
  || die "the binary needs shared libraries other than glibc's: $(echo $others)"
[ -z "$foundation" ] || say "WARNING: the binary needs $(echo $foundation) besides glibc: the code uses Foundation's URLSession (FoundationNetworking, libcurl) or XML (FoundationXML, libxml2), which cannot be linked statically from Debian's packages"

version=$("$BIN" --version | cut -d' ' -f1)
[ -n "$version" ] || die "sitegen --version printed nothing"
NAME=sitegen-$version-linux-x86_64
mkdir -p dist
STAGE=$(mktemp -d "${TMPDIR:-/tmp}/sitegen-dist.XXXXXX")
trap 'rm -rf "$STAGE"' EXIT
PKG="$STAGE/$NAME"
mkdir -p "$PKG/LICENSES/swift-packages"
strip -o "$PKG/sitegen" "$BIN"
chmod 755 "$PKG/sitegen"

# Licence texts of everything linked in.
cp "$TOOLCHAIN/share/swift/LICENSE.txt" "$PKG/LICENSES/swift.txt"
cp /usr/share/doc/libcmark-gfm-dev/copyright "$PKG/LICENSES/cmark-gfm.txt"
cp /usr/share/doc/libstdc++6/copyright "$PKG/LICENSES/libstdc++-libgcc.txt"
packages=$("$SWIFT" package --package-path "$SRC" --scratch-path "$ROOT/$SCRATCH" show-dependencies --format flatlist 2>/dev/null \
  | sed -n 's/^[[:space:]]*\([A-Za-z0-9._-]*\).*$/\1/p' | sort -u)
for package in $packages; do
  folder=$(find "$SCRATCH/checkouts" -maxdepth 1 -iname "$package" | head -1)
  [ -n "$folder" ] || die "no checkout of $package in $SCRATCH/checkouts"
  found=0
  for file in "$folder"/LICENSE* "$folder"/NOTICE*; do
    [ -f "$file" ] || continue
    base=$(basename "$file"); cp "$file" "$PKG/LICENSES/swift-packages/$(basename "$folder")-${base%.txt}.txt"; found=1
  done
  [ "$found" = 1 ] || die "no licence file in $folder"
done
cat > "$PKG/LICENSES/README.txt" <<EOF
sitegen $version is one executable that links, besides its own code:

- the Swift runtime, standard library, Foundation and Dispatch of Swift $("$SWIFT" --version 2>/dev/null | sed -n 's/.*Swift version \([^ ]*\).*/\1/p'):
  swift.txt (Apache License 2.0 with the Runtime Library Exception). Foundation includes
  ICU (swift-foundation-icu), under the Unicode License v3: https://www.unicode.org/license.txt
- cmark-gfm $(pkg-config --modversion libcmark-gfm 2>/dev/null || echo ""), from Debian's static archives: cmark-gfm.txt (BSD-2-Clause and others, as listed)
- libstdc++ and libgcc from GCC: libstdc++-libgcc.txt (GPL-3.0 with the GCC Runtime Library Exception)
- the Swift packages of Package.swift: swift-packages/<package>-LICENSE.txt (and NOTICE)
EOF
cat > "$PKG/README.txt" <<EOF
sitegen $version ($("$BIN" --version | sed 's/^[^(]*(\(.*\))$/\1/')) for Linux x86-64: builds the web edition of an annotated report
from Markdown. One executable; it needs only the C library (glibc $(objdump -T "$BIN" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1) or newer).

  sitegen init my-report && cd my-report
  sitegen build --strict        # the site in public/
  sitegen serve                 # preview at http://127.0.0.1:8000/
  sitegen --help

Licences of what is linked in: LICENSES/.
EOF

ARCHIVE=dist/$NAME.tar.gz
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$(git log -1 --format=%ct 2>/dev/null || date +%s)" \
  -C "$STAGE" -cf - "$NAME" | gzip -n -9 > "$ARCHIVE"
(cd dist && sha256sum "$NAME.tar.gz" > "$NAME.tar.gz.sha256")

glibc=$(objdump -T "$PKG/sitegen" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)
echo "$ARCHIVE: $(stat -c %s "$ARCHIVE") bytes ($(du -h "$ARCHIVE" | cut -f1)); sitegen $(stat -c %s "$PKG/sitegen") bytes stripped"
echo "needs: $(echo $needed) (glibc $glibc or newer)"
echo "$(cat "dist/$NAME.tar.gz.sha256")"

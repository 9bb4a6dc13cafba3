#!/usr/bin/env bash
# The packaged sitegen needs nothing but glibc: unpacked from dist/ (checksum checked) and run
# in a mount namespace where /opt/swift is an empty tmpfs and the shared libraries it could
# have used instead of the static ones (cmark-gfm, libstdc++) are /dev/null, in an empty
# folder it runs `init`, `build --strict`, `check`, and `serve`, which must answer a request.
#
#   Tests/dist/test-static-binary.sh [ARCHIVE]   (default: the newest dist/sitegen-*-linux-x86_64.tar.gz)
#
# Needs root (unshare -m, mount); otherwise it prints why it skips and exits 0.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
if [ "$(id -u)" -ne 0 ]; then
  echo "SKIPPED: the static-binary test needs root for a mount namespace (unshare -m) to hide /opt/swift"
  exit 0
fi
command -v unshare >/dev/null || { echo "SKIPPED: unshare (util-linux) is not installed"; exit 0; }
unshare -m true 2>/dev/null || { echo "SKIPPED: this machine does not permit mount namespaces (unshare -m failed; a container without CAP_SYS_ADMIN?)"; exit 0; }

ARCHIVE=${1:-$(ls -t "$ROOT"/dist/sitegen-*-linux-x86_64.tar.gz 2>/dev/null | head -1)}
[ -n "$ARCHIVE" ] && [ -f "$ARCHIVE" ] || { echo "FAIL: no archive in dist/ (run make dist)"; exit 1; }
fail() { echo "FAIL: $*"; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/sitegen-static-test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
(cd "$(dirname "$ARCHIVE")" && sha256sum -c "$(basename "$ARCHIVE").sha256") || fail "checksum"
tar -xzf "$ARCHIVE" -C "$WORK"
BIN=$(echo "$WORK"/sitegen-*/sitegen)
[ -x "$BIN" ] || fail "no executable sitegen in $ARCHIVE"
echo "archive: $(basename "$ARCHIVE"): $(tar -tzf "$ARCHIVE" | grep -c -v '/$') files"
echo "needs:   $(readelf -d "$BIN" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')"
mkdir "$WORK/site"

# Inside the namespace: /opt/swift hidden, the shared libraries a dynamic sitegen would load
# replaced by /dev/null. Every step prints one line; the first failure stops the script.
hide=""
for lib in /usr/lib/x86_64-linux-gnu/libcmark-gfm*.so* /usr/lib/x86_64-linux-gnu/libstdc++.so.6*; do
  [ -f "$lib" ] && [ ! -L "$lib" ] && hide="$hide $lib"
done
unshare -m sh -eu -c '
  BIN=$1; SITE=$2; shift 2
  mount --make-rprivate /
  [ -d /opt/swift ] && mount -t tmpfs none /opt/swift
  for lib in "$@"; do mount --bind /dev/null "$lib"; done
  echo "hidden:  /opt/swift ($(ls -A /opt/swift 2>/dev/null | wc -l) entries left) and $# shared libraries"
  cd "$SITE"
  echo "\$ sitegen --version: $("$BIN" --version)"
  "$BIN" init >../init.log 2>&1 || { cat ../init.log; exit 1; }
  echo "\$ sitegen init: $(head -1 ../init.log)"
  [ ! -e templates ] || { echo "init wrote templates/ without --with-templates"; exit 1; }
  "$BIN" build --strict >../build.log 2>&1 || { cat ../build.log; exit 1; }
  echo "\$ sitegen build --strict: $(tail -1 ../build.log)"
  "$BIN" check >../check.log 2>&1 || { cat ../check.log; exit 1; }
  echo "\$ sitegen check: $(tail -1 ../check.log)"
  "$BIN" serve --port 0 >../serve.log 2>&1 &
  server=$!
  url=""
  for i in $(seq 1 100); do
    url=$(sed -n "s|^Serving \(http://[^ ]*\).*|\1|p" ../serve.log)
    [ -n "$url" ] && break
    kill -0 $server 2>/dev/null || break
    sleep 0.2
  done
  [ -n "$url" ] || { kill $server 2>/dev/null; cat ../serve.log; echo "serve did not start"; exit 1; }
  status=$(curl -s -o ../page.html -w "%{http_code}" "$url")
  kill $server; wait $server 2>/dev/null || true
  grep -q "<h1" ../page.html || { echo "serve answered $status without a page"; exit 1; }
  echo "\$ sitegen serve: GET $url -> $status, $(wc -c <../page.html) bytes, title: $(sed -n "s|.*<title>\(.*\)</title>.*|\1|p" ../page.html | head -1)"
' sh "$BIN" "$WORK/site" $hide || fail "the packaged sitegen did not work without /opt/swift"
echo "PASS: the packaged sitegen works with /opt/swift hidden"

#!/usr/bin/env bash
# Installs tol once for users of a cluster: builds the distribution when needed (Maven, here only), then
# copies the jars to PREFIX/lib/tol and the launcher to PREFIX/bin/tol, which needs only java and may be
# symlinked into any directory on PATH. Rerunning replaces the previous install.
#   scripts/install.sh --prefix ~/.local        # then: ~/.local/bin/tol --version
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
PREFIX=
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) PREFIX=${2:?--prefix needs a directory}; shift 2 ;;
    --prefix=*) PREFIX=${1#--prefix=}; shift ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown argument '$1' (usage: scripts/install.sh --prefix DIR)" >&2; exit 2 ;;
  esac
done
[ -n "$PREFIX" ] || { echo "install.sh: usage: scripts/install.sh --prefix DIR" >&2; exit 2; }
"$ROOT/scripts/build-if-stale.sh"
mkdir -p "$PREFIX/bin" "$PREFIX/lib"
PREFIX="$(cd "$PREFIX" && pwd)"
# Copy into a fresh folder, then swap it in: a failed copy leaves the previous install whole. (Reinstall while
# no job runs from it: a JVM opens its jars as it needs them.)
NEW="$PREFIX/lib/.tol-new-$$"
rm -rf "$NEW"
mkdir -p "$NEW"
cp "$ROOT"/cli/target/lib/*.jar "$NEW/"
rm -rf "$PREFIX/lib/tol.old"
[ -d "$PREFIX/lib/tol" ] && mv "$PREFIX/lib/tol" "$PREFIX/lib/tol.old"
mv "$NEW" "$PREFIX/lib/tol"
rm -rf "$PREFIX/lib/tol.old"
install -m 755 "$ROOT/bin/tol" "$PREFIX/bin/tol"
"$ROOT/scripts/cds-archive.sh" "$PREFIX/lib/tol"   # for the installed jars' paths (start-up ~35 % less CPU)
chmod -R a+rX "$PREFIX/lib/tol"
echo "tol installed: $PREFIX/bin/tol (jars in $PREFIX/lib/tol); put $PREFIX/bin on PATH or set TOL=$PREFIX/bin/tol"

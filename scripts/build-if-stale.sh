#!/usr/bin/env bash
# Builds the distribution (cli/target/lib) when it is missing or older than the sources; otherwise does
# nothing. Never builds inside a job step (all srun ranks would rebuild the same jars at once): there it
# fails and says to build once beforehand. Concurrent builds on one checkout are serialised with flock.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
STAMP="$ROOT/cli/target/.tol-dist-stamp"
stale() {
  [ ! -f "$STAMP" ] && return 0
  [ -n "$(find "$ROOT" \( -name target -o -name .git -o -name out -o -name quickstart-out -o -name shared \) -prune -o \
        \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$STAMP" -print -quit)" ]
}
stale || exit 0
if [ -n "${SLURM_PROCID:-}" ]; then
  echo "tol: error: the build in $ROOT is missing or older than its sources, and this is a job step" \
    "(SLURM_PROCID=$SLURM_PROCID, set by srun, sbatch and tol launch): ranks never build, they would race on the same jars" >&2
  echo "tol: hint: build once before submitting: run '$ROOT/tol --version' on the login node," \
    "or install a copy with '$ROOT/scripts/install.sh --prefix DIR' and set TOL=DIR/bin/tol" >&2
  exit 1
fi
"$ROOT/scripts/ensure-deps.sh" build
mkdir -p "$ROOT/cli/target"
exec 9>"$ROOT/cli/target/.tol-build.lock"
if ! flock -n 9; then
  echo "tol: another build of $ROOT is running; waiting for it ..." >&2
  flock 9
fi
# The build we waited for may have made everything current.
stale || exit 0
echo "tol: building the distribution (mvn package) ..." >&2
(cd "$ROOT" && mvn -q -B -Dstyle.color=never -DskipTests package) >&2
"$ROOT/scripts/cds-archive.sh" "$ROOT/cli/target/lib"
touch "$STAMP"

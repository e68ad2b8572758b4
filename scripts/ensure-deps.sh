#!/usr/bin/env bash
# Checks (and as root on Debian/Ubuntu installs) what tol needs for one purpose:
#   ensure-deps.sh build  a JDK 17+ and Maven: what building the distribution needs (./tol runs this only
#                         when it has to build; a built tol needs java alone, see bin/tol)
#   ensure-deps.sh test   build + MPJ Express (libmpj-java), which the MPJ tests use; MPJ is optional for runs
# Does nothing when everything is present; as a non-root user, names what is missing and exits 1.
set -euo pipefail
mode=${1:-build}
need=()
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v javac >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
if [ "$mode" = test ] && [ -z "${MPJ_HOME:-}" ] && [ ! -f /usr/share/java/mpj.jar ]; then need+=(libmpj-java); fi
if [ ${#need[@]} -gt 0 ]; then
  mapfile -t need < <(printf '%s\n' "${need[@]}" | sort -u)
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "tol: missing for '$mode': ${need[*]} (install them, e.g. 'module load java maven' on a cluster," \
      "or run once as root on Debian/Ubuntu so tol can)" >&2
    exit 1
  fi
  echo "tol: installing ${need[*]} ..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# Optional for tests, best effort: a headless browser renders `tol report` in ReportEndToEndTest and python3
# reads shards with tarfile. Tests that need them skip with a message when they are absent, so a failed
# install here never fails the run.
if [ "$mode" = test ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  opt=()
  command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || opt+=(chromium)
  command -v python3 >/dev/null 2>&1 || opt+=(python3)
  if [ ${#opt[@]} -gt 0 ]; then
    echo "tol: installing optional test tools ${opt[*]} ..." >&2
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${opt[@]}"; } >/dev/null 2>&1 \
      || echo "tol: could not install ${opt[*]}; the tests that need them will skip" >&2
  fi
fi

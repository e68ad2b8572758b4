#!/usr/bin/env bash
# Installs what tol needs to build and run on a fresh Debian/Ubuntu machine (as root): a JDK 17+, Maven,
# and MPJ Express (libmpj-java) for the rank collectives. Does nothing when everything is present.
set -euo pipefail
need=()
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v javac >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
if [ -z "${MPJ_HOME:-}" ] && [ ! -f /usr/share/java/mpj.jar ]; then need+=(libmpj-java); fi
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "tol: missing packages: ${need[*]} (install them, or run as root so tol can)" >&2
    exit 1
  fi
  echo "tol: installing ${need[*]} ..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

#!/usr/bin/env bash
# (Re)creates LIB/tol.jsa, an application class-data-sharing archive of the classes a short tol command loads,
# so later starts map them instead of parsing and verifying the jars again (bin/tol uses it when present).
# Run by build-if-stale.sh after each build and by install.sh for the installed copy: the archive is only
# valid for the exact jars (paths, sizes, times) it was made from, and a stale one is ignored by the JVM.
#   scripts/cds-archive.sh LIBDIR
set -euo pipefail
LIB=${1:?usage: cds-archive.sh LIBDIR}
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
TMP="$LIB/.tol.jsa.$$"
rm -f "$TMP"
# --help initialises picocli's whole command tree: what every short command starts with (--version no longer
# does: Main prints it without picocli) and logging.
if "$JAVA" -XX:ArchiveClassesAtExit="$TMP" -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$LIB/*" \
    org.tol.cli.Main --help >/dev/null 2>&1 && [ -s "$TMP" ]; then
  chmod a+r "$TMP"
  mv -f "$TMP" "$LIB/tol.jsa"
else
  rm -f "$TMP" "$LIB/tol.jsa"
  echo "tol: note: no class-data-sharing archive made (needs a JDK with CDS); starts are slower, nothing else changes" >&2
fi

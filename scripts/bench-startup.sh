#!/usr/bin/env bash
# Start-up of a short command (tol --version) through bin/tol with the class-data-sharing archive off and on,
# interleaved, REPS runs each (default 7): median wall and CPU seconds, and their ratios. Needs a built tree.
#   scripts/bench-startup.sh [REPS]
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
export TOL_LIB=${TOL_LIB:-$ROOT/cli/target/lib}
[ -r "$TOL_LIB/tol.jsa" ] || "$ROOT/scripts/cds-archive.sh" "$TOL_LIB"
for rep in $(seq "${1:-7}"); do for cds in 0 1; do
  /usr/bin/time -f "cds=$cds wall=%e cpu=%U+%S" env TOL_CDS=$cds "$ROOT/bin/tol" --version >/dev/null
done; done 2>&1 | python3 -c '
import sys, statistics as st
d = {}
for l in sys.stdin:
    p = dict(x.split("=") for x in l.split())
    u, s = p["cpu"].split("+")
    d.setdefault(p["cds"], []).append((float(p["wall"]), float(u) + float(s)))
m = {k: (st.median(a for a, b in v), st.median(b for a, b in v)) for k, v in d.items()}
for k in sorted(m):
    print("cds=%s: median wall %.2f s, cpu %.2f s (n=%d)" % (k, m[k][0], m[k][1], len(d[k])))
print("off/on: wall %.2f, cpu %.2f" % (m["0"][0] / m["1"][0], m["0"][1] / m["1"][1]))'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

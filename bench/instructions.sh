#!/usr/bin/env bash
# Instructions per 1,000-unit roster, a figure that does not move with the load on a shared machine
# (the engine benchmark's milliseconds do, up to 2×). Needs valgrind. V8 runs single-threaded and
# predictable, so compilation and garbage collection happen on the measured thread and every run
# counts the same. Usage: bench/instructions.sh [rubric-id]   (default: the worst, 亳州)
set -euo pipefail
cd "$(dirname "$0")/.."
id="${1:-bozhou-2017-counties}"
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install -y valgrind)" >&2; exit 2; }
count() {
  valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    node --single-threaded --predictable -r ts-node/register/transpile-only bench/instructions-run.ts "$id" "$1" 2>&1 |
    awk '/I[[:space:]]+refs:/ { gsub(",", "", $4); print $4 }'
}
low=$(count 2)
high=$(count 12)
echo "$id: $(( (high - low) / 10 / 1000000 )) million instructions per roster (after 15 warm-up rosters)"

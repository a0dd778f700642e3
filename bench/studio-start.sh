#!/usr/bin/env bash
# Times the studio's start: from running ./kigo to the window's first drawn frame and to the model being ready,
# over several starts, on a virtual display. Prints each start and the medians. See docs/benchmarks.md.
#
#   bench/studio-start.sh [--runs N] [--display NUM] [--vs-no-cds] [--launcher PATH]
#
#   --runs N        starts to time (default 5), after one start that is not counted
#   --display NUM   the Xvfb display number to use (default 99)
#   --vs-no-cds     also time starts without the class-data archive, in turn with the others (./kigo: KIGO_CDS=off,
#                   which keeps the JDK's own archive; another launcher: -Xshare:off, as its runtime has no other)
#   --launcher PATH what to start (default ./kigo; packaging/target/Kigo/bin/Kigo for the app image)
#
# Settings, draft and library go to a fresh temporary folder, so the poet's own are never touched; the cache folder
# ($XDG_CACHE_HOME/kigo) is the real one, as the archive made by the first start is what later starts use.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS=5
DISPLAY_NUM=99
VS=false
LAUNCHER="$ROOT/kigo"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --display) DISPLAY_NUM="$2"; shift 2 ;;
    --vs-no-cds) VS=true; shift ;;
    --launcher) LAUNCHER="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    *) echo "studio-start: unknown option '$1'" >&2; exit 2 ;;
  esac
done

SCRATCH="$(mktemp -d)"
Xvfb ":$DISPLAY_NUM" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
trap 'kill "$XVFB" 2>/dev/null || true; rm -rf "$SCRATCH"' EXIT
sleep 1

# One start; "no-archive" starts without the class-data archive. Prints: FX start, window built, window
# drawn, model ready (ms after the launcher was run), CPU ms the process had used when the model was ready.
start_once() {
  local log="$SCRATCH/start.log" t0 tool_options="-Dkigo.startup.trace=exit" cds=on
  rm -rf "$SCRATCH/config" "$SCRATCH/data"
  if [[ "${1:-}" == no-archive ]]; then
    cds=off
    [[ "$LAUNCHER" == "$ROOT/kigo" ]] || tool_options+=" -Xshare:off"
  fi
  t0=$(date +%s%3N)
  DISPLAY=":$DISPLAY_NUM" XDG_CONFIG_HOME="$SCRATCH/config" KIGO_DATA_DIR="$SCRATCH/data" KIGO_CDS=$cds \
    JAVA_TOOL_OPTIONS="$tool_options" timeout 120 "$LAUNCHER" >"$log" 2>&1 || true
  awk -v t0="$t0" '$1 == "kigo-startup" { at[$2] = $3 - t0; cpu[$2] = $4 }
    END { printf "%d %d %d %d %d\n", at["fx-start"], at["window-built"], at["window-drawn"],
          at["model-ready"], cpu["model-ready"] }' "$log"
}

start_once >/dev/null   # not counted: builds the jar if needed, warms the page cache, writes the archive
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
KINDS=(archive)
[[ "$VS" == true ]] && KINDS+=(no-archive)
printf '%-10s %-5s %10s %13s %13s %12s %12s\n' kind start fx-start window-built window-drawn model-ready \
  'CPU at ready'
for ((i = 1; i <= RUNS; i++)); do
  for kind in "${KINDS[@]}"; do
    row="$(start_once "$kind")"
    read -r fx built drawn ready cpu <<< "$row"
    printf '%-10s %-5s %7s ms %10s ms %10s ms %9s ms %9s ms\n' "$kind" "$i" "$fx" "$built" "$drawn" \
      "$ready" "$cpu"
    echo "$row" >> "$SCRATCH/$kind"
  done
done
for kind in "${KINDS[@]}"; do
  printf '%-10s %-5s' "$kind" median
  for col in 1 2 3 4 5; do
    printf ' %7s ms' "$(cut -d' ' -f$col "$SCRATCH/$kind" | median)"
  done
  echo
done

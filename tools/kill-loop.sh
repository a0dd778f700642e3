#!/usr/bin/env bash
# kill -9 a library writer at random moments, over and over, and check what each kill left behind.
#
#   tools/kill-loop.sh [KILLS] [FOLDER]      KILLS defaults to 200; FOLDER (default: a new one under /tmp) keeps
#                                            the library and the last writers' output
#
# Each round starts a writer JVM (app/src/test/java/dev/kigo/library/WriterProcess) on the same library.db. It first
# opens the library as the next start after a crash would, runs the library's integrity check and audits every piece
# (LibraryAudit: version, three tags, generation, search entry; no orphaned generation), then saves pieces, printing
# "saved N" after each commit, until it is killed with SIGKILL 0 to 999 ms (uniformly at random) after its first
# commit, while it saves. The next round's audit says whether every piece the killed writer reported saved is there:
# a kill may also leave one piece committed but not yet reported, never fewer than were reported. Prints a table at
# the end; exits 1 if a piece was lost or an audit was not sound.
set -euo pipefail
KILLS="${1:-200}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${2:-$(mktemp -d /tmp/kigo-kill-loop.XXXXXX)}"
mkdir -p "$WORK/tmp"
LIB="$WORK/library.db"
rm -f "$LIB" "$LIB-wal" "$LIB-shm"

(cd "$ROOT" && mvn -B -o -q test-compile)
(cd "$ROOT/app" && mvn -B -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath.txt")
# The writers run from a copy of the classes, so a build started meanwhile cannot change them under the loop.
rm -rf "$WORK/classes" "$WORK/test-classes"
cp -r "$ROOT/app/target/classes" "$ROOT/app/target/test-classes" "$WORK/"
CP="$WORK/test-classes:$WORK/classes:$(cat "$WORK/classpath.txt")"

WRITER=""
# A writer left running would go on writing after the loop ends: whatever ends the script ends it too.
trap '[[ -n "$WRITER" ]] && kill -KILL "$WRITER" 2>/dev/null; true' EXIT

# Starts a writer that saves COUNT pieces (0: until killed) and waits until it has audited the library and is ready.
start_writer() {
  local count="$1" label="$2"
  OUT="$WORK/$label.out"
  java -Xmx64m -XX:TieredStopAtLevel=1 -Djava.io.tmpdir="$WORK/tmp" -cp "$CP" dev.kigo.library.WriterProcess \
    "$LIB" "$count" "$label" > "$OUT" 2>&1 &
  WRITER=$!
  until grep -qs '^ready' "$OUT"; do
    if ! kill -0 "$WRITER" 2>/dev/null; then
      echo "kill-loop: the writer ended before it was ready:" >&2
      cat "$OUT" >&2
      exit 1
    fi
    sleep 0.02
  done
}

# The audit the writer printed: "audit pieces=N sound=true ..." (none on the first round: there is no library yet).
audited() {
  sed -n "s/^audit .*\b$1=\([^ ]*\).*/\1/p" "$OUT"
}

expected=0          # pieces reported saved by every writer so far, plus what earlier audits found beyond that
reported_total=0    # "saved" lines printed by killed writers
lost=0              # pieces reported saved and not found by the next audit
unreported=0        # pieces committed but killed before the writer printed "saved"
unsound=0           # audits that found a problem
killed_mid_run=0    # kills after the writer had saved at least one piece
start=$(date +%s)
for ((round = 1; round <= KILLS + 1; round++)); do
  if ((round <= KILLS)); then start_writer 0 "round$round"; else start_writer 1 "final"; fi
  if ((round > 1)); then
    found="$(audited pieces)"
    if [[ "$(audited sound)" != "true" || -z "$found" ]]; then
      unsound=$((unsound + 1))
      echo "round $round: $(grep '^audit' "$OUT" || echo 'no audit'); kept in $OUT" >&2
      found="${found:-0}"
    fi
    if ((found < expected)); then
      lost=$((lost + expected - found))
      echo "round $round: $((expected - found)) reported pieces missing ($found found, $expected expected)" >&2
    fi
    unreported=$((unreported + (found > expected ? found - expected : 0)))
    expected="$found"
  fi
  if ((round > KILLS)); then
    wait "$WRITER"
    break
  fi
  ((round > 2)) && rm -f "$WORK/round$((round - 2)).out"
  # Killed 0 to 999 ms after its first commit: on a loaded machine the first save can take seconds, and a kill
  # before it tests only the opening.
  until grep -qs '^saved 1$' "$OUT" || ! kill -0 "$WRITER" 2>/dev/null; do
    sleep 0.02
  done
  sleep "0.$(printf '%03d' $((RANDOM % 1000)))"
  kill -KILL "$WRITER"
  wait "$WRITER" 2>/dev/null || true
  saved="$(sed -n 's/^saved \([0-9]*\)$/\1/p' "$OUT" | tail -1)"
  saved="${saved:-0}"
  ((saved > 0)) && killed_mid_run=$((killed_mid_run + 1))
  reported_total=$((reported_total + saved))
  expected=$((expected + saved))
done

echo
echo "| kills (SIGKILL) | kills after the first save | pieces reported saved | pieces found at the end | reported but lost | committed, killed before reporting | audits not sound | seconds |"
echo "|---|---|---|---|---|---|---|---|"
echo "| $KILLS | $killed_mid_run | $reported_total | $found | $lost | $unreported | $unsound | $(($(date +%s) - start)) |"
echo "(the library and the last writers' output: $WORK)"
((lost == 0 && unsound == 0))

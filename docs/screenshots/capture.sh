#!/usr/bin/env bash
# Takes screenshots of the real studio window under Xvfb (light and dark), with a throw-away config dir.
#   docs/screenshots/capture.sh [seconds-to-wait]   (needs packages xvfb and imagemagick)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/docs/screenshots"
WAIT="${1:-8}"
(cd "$ROOT" && mvn -q -B -DskipTests package) >&2

shoot() {
  local theme="$1" out="$2" cfg
  cfg="$(mktemp -d)"
  mkdir -p "$cfg/kigo"
  printf '{"theme":"%s","presetName":"Balanced","keywords":"old pond, frog","window":{"x":0,"y":0,"width":1180,"height":760,"maximized":false}}' "$theme" > "$cfg/kigo/studio.json"
  printf 'an old silent pond\na frog jumps into the pond\nsplash! silence again\n\nwisteria dusk\nthe glimmerlight of a moonless field\ncrickets\n' > "$cfg/kigo/draft.txt"
  XDG_CONFIG_HOME="$cfg" xvfb-run -a -s "-screen 0 1180x760x24" bash -c '
    KIGO_JAVA_OPTS="-Dprism.order=sw" "'"$ROOT"'/kigo" ${KIGO_ARGS:-} & pid=$!
    sleep '"$WAIT"'
    import -window root "'"$out"'"
    kill $pid; wait $pid 2>/dev/null || true'
  rm -rf "$cfg"
  echo "wrote $out" >&2
}

shoot LIGHT "$OUT/studio-light.png"
shoot DARK "$OUT/studio-dark.png"

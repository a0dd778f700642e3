#!/usr/bin/env bash
# Takes screenshots of the real studio window under Xvfb, with a throw-away config and data folder:
#   studio-light.png / studio-dark.png   the editor and gutter, no model
#   studio-generating.png                 after Shortcut+Enter with a model (pending text in italics)
#   studio-alternatives.png               the same, then the mouse rests on a written word: whole-word alternatives
#   studio-export.png                     both stanzas saved to the library, then File › Export… (Shortcut+E)
#   studio-wide.png                       1920×1080 with the side panel folded away: the poem's centred column
#   packaged-app.png                      the same from packaging/target/Kigo/bin/Kigo, if it has been built
#   studio-craft.png                      the hint strip: season chip, cut and rhyme warning of a stanza
#   studio-compare-light.png / -dark.png  Generate › Compare (Shortcut+Shift+C), then Run all: three columns written at once
#   docs/screenshots/capture.sh [seconds-to-wait]
#   ONLY=studio-craft docs/screenshots/capture.sh    just the shots whose file name starts with $ONLY
# XVFB_RUN_OPTS replaces xvfb-run's -a (e.g. XVFB_RUN_OPTS="-n 72" for a display of your own).
# Needs xvfb, imagemagick and xdotool. The model is model-assets/kigo-haiku if present, else the engine's
# random-weight test fixture (its text is noise: it only shows the streaming and the status bar).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/docs/screenshots"
WAIT="${1:-8}"
(cd "$ROOT" && mvn -q -B -DskipTests package) >&2

MODEL="$ROOT/model-assets/kigo-haiku"
[[ -f "$MODEL/model.onnx" ]] || MODEL="$ROOT/app/src/test/resources/fixtures/tiny-gpt2/optimum"

DEFAULT_DRAFT='an old silent pond\na frog jumps into the pond\nsplash! silence again\n\nwisteria dusk\nthe glimmerlight of a moonless field\ncrickets\n'

shoot() {
  local theme="$1" out="$2" model="$3" mode="$4" keys="$5" launcher="${6:-$ROOT/kigo}" draft="${7:-$DEFAULT_DRAFT}" cfg
  local width="${SHOT_WIDTH:-1180}" height="${SHOT_HEIGHT:-760}"
  [[ -z "${ONLY:-}" || "$(basename "$out")" == "$ONLY"* ]] || return 0
  cfg="$(mktemp -d)"
  mkdir -p "$cfg/kigo"
  printf '{"theme":"%s","presetName":"Balanced","keywords":"old pond, frog","mode":"%s","modelDir":"%s","window":{"x":0,"y":0,"width":%s,"height":%s,"maximized":false}}' \
    "$theme" "$mode" "$model" "$width" "$height" > "$cfg/kigo/studio.json"
  printf "$draft" > "$cfg/kigo/draft.txt"
  XDG_CONFIG_HOME="$cfg" KIGO_DATA_DIR="$cfg/data" xvfb-run ${XVFB_RUN_OPTS:--a} -s "-screen 0 ${width}x${height}x24" bash -c '
    KIGO_JAVA_OPTS="-Dprism.order=sw" JAVA_TOOL_OPTIONS="-Dprism.order=sw" "'"$launcher"'" & pid=$!
    sleep '"$WAIT"'
    if [[ -n "'"$keys"'" ]]; then
      # No window manager under Xvfb: click into the editor for focus, then press the keys.
      xdotool mousemove 400 500 click 1 sleep 0.5 key --clearmodifiers '"$keys"' || true
      sleep 3
    fi
    import -window root "'"$out"'"
    kill $pid; wait $pid 2>/dev/null || true'
  rm -rf "$cfg"
  echo "wrote $out" >&2
}

shoot LIGHT "$OUT/studio-light.png" "" FROM_KEYWORDS ""
shoot DARK "$OUT/studio-dark.png" "" FROM_KEYWORDS ""
shoot LIGHT "$OUT/studio-craft.png" "" FROM_KEYWORDS "" "$ROOT/kigo" \
  'a full harvest moon\nthe farmer'"'"'s shadow stretches\nacross the whole field\n\non a summer night —\na firefly'"'"'s little light\nand drifts out of sight'
shoot LIGHT "$OUT/studio-generating.png" "$MODEL" CONTINUE_TEXT "ctrl+Return"
# The pending stanza's second line is at about y=254 (the third stanza of the draft, one line down).
shoot LIGHT "$OUT/studio-alternatives.png" "$MODEL" CONTINUE_TEXT "ctrl+Return sleep 4 mousemove 200 254 sleep 1 mousemove 204 255"
# Each save takes the stanza at the caret; the pauses let the saves land before the dialog counts the pieces.
shoot LIGHT "$OUT/studio-export.png" "" FROM_KEYWORDS \
  "ctrl+Home ctrl+s sleep 1 key --clearmodifiers ctrl+End ctrl+s sleep 2 key --clearmodifiers ctrl+e"
# The Compare window opens over the editor; with no window manager it gets the keyboard from xdotool, then
# Shortcut+Enter runs all (COMPARE_WAIT seconds for the model to write).
for theme in LIGHT DARK; do
  shoot "$theme" "$OUT/studio-compare-${theme,,}.png" "$MODEL" FROM_KEYWORDS \
    "ctrl+shift+c sleep 3 search --name Compare windowfocus --sync key --clearmodifiers ctrl+Return sleep ${COMPARE_WAIT:-10}"
done
SHOT_WIDTH=1920 SHOT_HEIGHT=1080 shoot LIGHT "$OUT/studio-wide.png" "" FROM_KEYWORDS "ctrl+b"
# The packaged app, if packaging/build.sh has made one: its own runtime and its own copy of the model.
PACKAGED="$ROOT/packaging/target/Kigo/bin/Kigo"
if [[ -x "$PACKAGED" ]]; then
  shoot LIGHT "$OUT/packaged-app.png" "$ROOT/packaging/target/Kigo/lib/app/model-assets/kigo-haiku" CONTINUE_TEXT "ctrl+Return" "$PACKAGED"
fi

#!/usr/bin/env bash
# Checks a package that packaging/build.sh made (it builds nothing): the app image's layout, JVM options and
# licence texts, the CLI through the native launcher, the model if one is packaged, and the .deb's contents
# if there is one.
#   packaging/check.sh [--install] [APP_IMAGE_DIR]      (default packaging/target/Kigo)
#   --install   also installs the .deb with `dpkg -i` (needs root, and kigo not installed already), runs the
#               installed `kigo`, checks the menu entry and icon, then removes it with `dpkg -r` and checks
#               that nothing of it is left. This changes the system for a while: use a throw-away machine.
# Caches and data go to a throw-away XDG folder; without --install nothing is installed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
INSTALL=false
if [[ "${1:-}" == --install ]]; then INSTALL=true; shift; fi
IMAGE="${1:-$ROOT/packaging/target/Kigo}"
KIGO="$IMAGE/bin/Kigo"
APPDIR="$IMAGE/lib/app"
failures=0
pass() { echo "ok   $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
check() { local what="$1"; shift; if "$@" >/dev/null 2>&1; then pass "$what"; else fail "$what"; fi; }

[[ -x "$KIGO" ]] || { echo "no launcher at $KIGO: run packaging/build.sh first" >&2; exit 2; }
SCRATCH="$(mktemp -d)"
INSTALLED_BY_US=false
# dpkg's status of kigo: "install ok installed", "deinstall ok config-files" (removed, not purged), ... or "".
kigo_status() { dpkg-query -W -f='${Status}' kigo 2>/dev/null || true; }
cleanup() {
  # A check that failed half-way must not leave the package installed.
  if [[ "$INSTALLED_BY_US" == true && -n "$(kigo_status)" ]]; then dpkg -P kigo >/dev/null 2>&1 || true; fi
  rm -rf "$SCRATCH"
}
trap cleanup EXIT
export XDG_CACHE_HOME="$SCRATCH/cache" XDG_DATA_HOME="$SCRATCH/data" XDG_CONFIG_HOME="$SCRATCH/config"
touch "$SCRATCH/started"
sleep 1

check "launcher config names kigo.home=\$APPDIR" grep -qx 'java-options=-Dkigo.home=$APPDIR' "$APPDIR/Kigo.cfg"
check "launcher config sets ai.djl.offline" grep -qx 'java-options=-Dai.djl.offline=true' "$APPDIR/Kigo.cfg"
check "launcher config selects ZGC" grep -qx 'java-options=-XX:+UseZGC' "$APPDIR/Kigo.cfg"
check "launcher config starts every JIT compiler thread at once" grep -qx 'java-options=-XX:-UseDynamicNumberOfCompilerThreads' "$APPDIR/Kigo.cfg"
check "launcher config names the class-data archive" grep -qx 'java-options=-XX:SharedArchiveFile=$APPDIR/kigo.jsa' "$APPDIR/Kigo.cfg"
check "class-data archive and its class list" test -s "$APPDIR/kigo.jsa" -a -s "$APPDIR/kigo.classlist"
# -Xshare:on makes a start fail where the archive cannot be mapped (by default the JVM would go on without it).
check "the launcher maps the class-data archive" env JAVA_TOOL_OPTIONS=-Xshare:on "$KIGO" --version
check "bundled runtime is Java 17" grep -q 'JAVA_VERSION="17' "$IMAGE/lib/runtime/release"
check "CMU dictionary and its licence" test -s "$APPDIR/dictionaries/cmudict.dict" -a -s "$APPDIR/dictionaries/LICENSE"
check "season-word list and its notes" test -s "$APPDIR/dictionaries/saijiki.txt" -a -s "$APPDIR/dictionaries/SAIJIKI.md"
check "THIRD-PARTY.md and LICENSES/" test -s "$APPDIR/THIRD-PARTY.md" -a -s "$APPDIR/LICENSES/Apache-2.0.txt"
for text in "$ROOT"/packaging/licenses/*.txt; do
  check "LICENSES/$(basename "$text") packaged unchanged" cmp -s "$text" "$APPDIR/LICENSES/$(basename "$text")"
done
named="$(grep -o 'LICENSES/[A-Za-z0-9._-]*\.txt' "$APPDIR/THIRD-PARTY.md" | sort -u)"
absent="$(for f in $named; do [[ -s "$APPDIR/$f" ]] || echo "$f"; done)"
if [[ -z "$absent" ]]; then pass "every LICENSES/ text THIRD-PARTY.md names is there ($(wc -w <<<"$named"))"; else fail "THIRD-PARTY.md names texts that are not packaged: $absent"; fi
if grep -q '\*\*missing\*\*' "$APPDIR/THIRD-PARTY.md"; then fail "THIRD-PARTY.md still marks licence texts **missing**"; else pass "THIRD-PARTY.md marks no licence text missing"; fi
unlisted="$(for jar in "$APPDIR"/lib/*.jar; do grep -qx -- "- lib/$(basename "$jar")" "$APPDIR/THIRD-PARTY.md" || basename "$jar"; done)"
if [[ -z "$unlisted" ]]; then pass "every bundled jar is in THIRD-PARTY.md's jar list"; else fail "jars not in THIRD-PARTY.md's jar list: $unlisted"; fi
check "exactly one ONNX Runtime jar" test "$(ls "$APPDIR"/lib/onnxruntime*.jar | wc -l)" -eq 1

out="$("$KIGO" count "an old silent pond / a frog jumps into the pond / splash! silence again" 2>&1)" || true
if grep -q "fits haiku 5-7-5" <<<"$out"; then pass "kigo count through the launcher"; else fail "kigo count: $out"; fi
out="$("$KIGO" --version 2>&1)" || true
if grep -q "^Kigo " <<<"$out"; then pass "kigo --version ($out)"; else fail "kigo --version: $out"; fi
# The JVM inside the launcher reads JAVA_TOOL_OPTIONS itself: its GC log names the collector it runs.
out="$(JAVA_TOOL_OPTIONS=-Xlog:gc:stderr "$KIGO" --version 2>&1)" || true
if grep -q "Using The Z Garbage Collector" <<<"$out"; then pass "the launcher's JVM runs ZGC"; else fail "the launcher's JVM does not say it runs ZGC: $out"; fi

if [[ -f "$APPDIR/model-assets/kigo-haiku/model.onnx" ]]; then
  if out="$("$KIGO" generate --keywords "autumn moon" --n 1 2>&1)" && [[ -n "$out" ]]; then
    pass "kigo generate with the packaged model"
  else
    fail "kigo generate: $out"
  fi
  check "tokenizer native library went to XDG_CACHE_HOME/kigo/djl" test -d "$XDG_CACHE_HOME/kigo/djl"
  card="$APPDIR/model-assets/kigo-haiku/MODEL_CARD.md"
  if [[ -f "$card" ]]; then
    absent="$(for f in $(grep -o '`LICENSE[A-Za-z0-9._-]*`' "$card" | tr -d '`' | sort -u); do
      [[ -s "$APPDIR/model-assets/kigo-haiku/$f" ]] || echo "$f"; done)"
    if [[ -z "$absent" ]]; then pass "licence files the model card names are packaged beside it"; else fail "the model card names files not packaged: $absent"; fi
  else
    fail "no MODEL_CARD.md beside the packaged model"
  fi
else
  echo "skip kigo generate (no model packaged)"
fi
check "nothing written into the app folder" test -z "$(find "$IMAGE" -newer "$SCRATCH/started" -print -quit)"

DEB="$(ls "$ROOT"/packaging/target/kigo_*.deb 2>/dev/null | head -1 || true)"
if [[ -n "$DEB" ]]; then
  listing="$(dpkg-deb -c "$DEB")"
  for path in ./opt/kigo/bin/Kigo ./opt/kigo/lib/app/Kigo.cfg ./opt/kigo/lib/kigo-Kigo.desktop \
      ./opt/kigo/lib/Kigo.png ./opt/kigo/lib/app/dictionaries/cmudict.dict ./opt/kigo/lib/app/THIRD-PARTY.md \
      ./opt/kigo/lib/app/LICENSES/MIT-AtlantaFX.txt ./opt/kigo/share/doc/copyright; do
    if grep -q " $path\$" <<<"$listing"; then pass "deb has $path"; else fail "deb lacks $path"; fi
  done
  if dpkg-deb -e "$DEB" "$SCRATCH/control" && grep -q "ln -sf /opt/kigo/bin/Kigo /usr/bin/kigo" "$SCRATCH/control/postinst"; then
    pass "deb postinst links /usr/bin/kigo"
  else
    fail "deb postinst does not link /usr/bin/kigo"
  fi
else
  echo "skip deb checks (no packaging/target/kigo_*.deb)"
fi

if [[ "$INSTALL" == true ]]; then
  [[ -n "$DEB" ]] || { fail "--install: no packaging/target/kigo_*.deb"; DEB=""; }
  if [[ -n "$DEB" && "$(id -u)" != 0 ]]; then fail "--install needs root"; DEB=""; fi
  if [[ -n "$DEB" && -n "$(kigo_status)" ]]; then fail "--install: dpkg knows kigo already ($(kigo_status)); not touching it"; DEB=""; fi
fi
if [[ "$INSTALL" == true && -n "$DEB" ]]; then
  INSTALLED_BY_US=true
  if out="$(dpkg -i "$DEB" 2>&1)"; then pass "dpkg -i $(basename "$DEB")"; else fail "dpkg -i: $(tail -5 <<<"$out")"; fi
  if [[ "$(kigo_status)" == "install ok installed" ]]; then
    check "/usr/bin/kigo links to /opt/kigo/bin/Kigo" test "$(readlink /usr/bin/kigo)" = /opt/kigo/bin/Kigo
    check "postinst made the class-data archive" test -s /opt/kigo/lib/app/kigo.jsa
    check "installed kigo maps the class-data archive" env JAVA_TOOL_OPTIONS=-Xshare:on /usr/bin/kigo --version
    touch "$SCRATCH/installed"
    sleep 1
    out="$(/usr/bin/kigo count "an old silent pond / a frog jumps into the pond / splash! silence again" 2>&1)" || true
    if grep -q "fits haiku 5-7-5" <<<"$out"; then pass "installed kigo count"; else fail "installed kigo count: $out"; fi
    if [[ -f /opt/kigo/lib/app/model-assets/kigo-haiku/model.onnx ]]; then
      if out="$(/usr/bin/kigo generate --keywords "autumn moon" --n 1 2>&1)" && [[ -n "$out" ]]; then
        pass "installed kigo generate with the packaged model"
      else
        fail "installed kigo generate: $out"
      fi
    fi
    out="$(JAVA_TOOL_OPTIONS=-Xlog:gc:stderr /usr/bin/kigo --version 2>&1)" || true
    if grep -q "Using The Z Garbage Collector" <<<"$out"; then pass "installed kigo runs ZGC"; else fail "installed kigo, GC: $out"; fi
    check "nothing written into /opt/kigo" test -z "$(find /opt/kigo -newer "$SCRATCH/installed" -print -quit)"
    entry=/usr/share/applications/kigo-Kigo.desktop
    check "menu entry $entry" test -f "$entry"
    check "menu entry runs /opt/kigo/bin/Kigo" grep -qx 'Exec=/opt/kigo/bin/Kigo' "$entry"
    icon="$(sed -n 's/^Icon=//p' "$entry" 2>/dev/null)"
    if [[ -n "$icon" ]] && file "$icon" 2>/dev/null | grep -q 'PNG image data, 256 x 256'; then
      pass "menu entry icon $icon (256x256 PNG)"
    else
      fail "menu entry icon '$icon' is not a 256x256 PNG"
    fi
    if command -v desktop-file-validate >/dev/null; then
      if out="$(desktop-file-validate "$entry" 2>&1)"; then pass "desktop-file-validate $entry"; else fail "desktop-file-validate: $out"; fi
    else
      echo "skip desktop-file-validate (apt-get install -y desktop-file-utils)"
    fi
  fi
  if out="$(dpkg -r kigo 2>&1)"; then pass "dpkg -r kigo"; else fail "dpkg -r kigo: $(tail -5 <<<"$out")"; fi
  check "kigo is not installed after dpkg -r" test "$(kigo_status)" != "install ok installed"
  check "/opt/kigo is gone" test ! -e /opt/kigo
  check "/usr/bin/kigo is gone" test ! -e /usr/bin/kigo -a ! -L /usr/bin/kigo
  check "menu entry is gone" test ! -e /usr/share/applications/kigo-Kigo.desktop
  # dpkg -r keeps the maintainer scripts (status "deinstall ok config-files"); purge leaves nothing.
  if out="$(dpkg -P kigo 2>&1)" && [[ -z "$(kigo_status)" ]]; then pass "dpkg -P kigo leaves nothing"; else fail "dpkg -P kigo: $out"; fi
fi

[[ $failures -eq 0 ]] && echo "all checks passed" || { echo "$failures check(s) failed"; exit 1; }

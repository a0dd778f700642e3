#!/usr/bin/env bash
# Checks a package that packaging/build.sh made (it builds nothing): the app image's layout, the CLI through
# the native launcher, the model if one is packaged, and the .deb's contents if there is one.
#   packaging/check.sh [APP_IMAGE_DIR]      (default packaging/target/Kigo)
# Caches and data go to a throw-away XDG folder; nothing is installed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
IMAGE="${1:-$ROOT/packaging/target/Kigo}"
KIGO="$IMAGE/bin/Kigo"
APPDIR="$IMAGE/lib/app"
failures=0
pass() { echo "ok   $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
check() { local what="$1"; shift; if "$@" >/dev/null 2>&1; then pass "$what"; else fail "$what"; fi; }

[[ -x "$KIGO" ]] || { echo "no launcher at $KIGO: run packaging/build.sh first" >&2; exit 2; }
SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT
export XDG_CACHE_HOME="$SCRATCH/cache" XDG_DATA_HOME="$SCRATCH/data" XDG_CONFIG_HOME="$SCRATCH/config"
touch "$SCRATCH/started"
sleep 1

check "launcher config names kigo.home=\$APPDIR" grep -qx 'java-options=-Dkigo.home=$APPDIR' "$APPDIR/Kigo.cfg"
check "launcher config sets ai.djl.offline" grep -qx 'java-options=-Dai.djl.offline=true' "$APPDIR/Kigo.cfg"
check "bundled runtime is Java 17" grep -q 'JAVA_VERSION="17' "$IMAGE/lib/runtime/release"
check "CMU dictionary and its licence" test -s "$APPDIR/dictionaries/cmudict.dict" -a -s "$APPDIR/dictionaries/LICENSE"
check "THIRD-PARTY.md and LICENSES/" test -s "$APPDIR/THIRD-PARTY.md" -a -s "$APPDIR/LICENSES/Apache-2.0.txt"
check "exactly one ONNX Runtime jar" test "$(ls "$APPDIR"/lib/onnxruntime*.jar | wc -l)" -eq 1

out="$("$KIGO" count "an old silent pond / a frog jumps into the pond / splash! silence again" 2>&1)" || true
if grep -q "fits haiku 5-7-5" <<<"$out"; then pass "kigo count through the launcher"; else fail "kigo count: $out"; fi
out="$("$KIGO" --version 2>&1)" || true
if grep -q "^Kigo " <<<"$out"; then pass "kigo --version ($out)"; else fail "kigo --version: $out"; fi

if [[ -f "$APPDIR/model-assets/kigo-haiku/model.onnx" ]]; then
  if out="$("$KIGO" generate --keywords "autumn moon" --n 1 2>&1)" && [[ -n "$out" ]]; then
    pass "kigo generate with the packaged model"
  else
    fail "kigo generate: $out"
  fi
  check "tokenizer native library went to XDG_CACHE_HOME/kigo/djl" test -d "$XDG_CACHE_HOME/kigo/djl"
else
  echo "skip kigo generate (no model packaged)"
fi
check "nothing written into the app folder" test -z "$(find "$IMAGE" -newer "$SCRATCH/started" -print -quit)"

DEB="$(ls "$ROOT"/packaging/target/kigo_*.deb 2>/dev/null | head -1 || true)"
if [[ -n "$DEB" ]]; then
  listing="$(dpkg-deb -c "$DEB")"
  for path in ./opt/kigo/bin/Kigo ./opt/kigo/lib/app/Kigo.cfg ./opt/kigo/lib/kigo-Kigo.desktop \
      ./opt/kigo/lib/app/dictionaries/cmudict.dict ./opt/kigo/lib/app/THIRD-PARTY.md; do
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

[[ $failures -eq 0 ]] && echo "all checks passed" || { echo "$failures check(s) failed"; exit 1; }

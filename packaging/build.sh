#!/usr/bin/env bash
# Packages Kigo as a desktop application with jpackage (JDK 17): a self-contained app image with its own
# Java runtime, optionally wrapped in a .deb. See docs/packaging.md.
#
#   packaging/build.sh [--type app-image|deb] [--allow-no-model] [--model-dir DIR] [--cuda]
#                      [--no-slim] [--skip-maven]
#
#   --type app-image   packaging/target/Kigo/ (run packaging/target/Kigo/bin/Kigo); the default
#   --type deb         the app image above, then packaging/target/kigo_<version>-1_<arch>.deb
#   --allow-no-model   package even when there is no model (the studio then asks for a model folder)
#   --model-dir DIR    the model folder to ship as model-assets/kigo-haiku (default: model-assets/kigo-haiku)
#   --cuda             build with `mvn -Pcuda` (onnxruntime_gpu instead of onnxruntime; untested, no GPU here)
#   --no-slim          keep the macOS/Windows/other-CPU native libraries inside the ONNX Runtime and
#                      tokenizers jars (they are removed from the packaged copies by default)
#   --skip-maven       use app/target as it is instead of running `mvn package` first
#
# Environment: JPACKAGE (path of a JDK 17 jpackage; found automatically), KIGO_DEB_MAINTAINER (e-mail).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PKG="$ROOT/packaging"
OUT="$PKG/target"

TYPE=app-image
ALLOW_NO_MODEL=false
MODEL_DIR="$ROOT/model-assets/kigo-haiku"
CUDA=false
SLIM=true
RUN_MAVEN=true

die() { echo "packaging: $*" >&2; exit 1; }
say() { echo "packaging: $*" >&2; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --type) [[ $# -ge 2 ]] || die "--type needs app-image or deb"; TYPE="$2"; shift 2 ;;
    --type=*) TYPE="${1#--type=}"; shift ;;
    --allow-no-model) ALLOW_NO_MODEL=true; shift ;;
    --model-dir) [[ $# -ge 2 ]] || die "--model-dir needs a folder"; MODEL_DIR="$2"; shift 2 ;;
    --model-dir=*) MODEL_DIR="${1#--model-dir=}"; shift ;;
    --cuda) CUDA=true; shift ;;
    --no-slim) SLIM=false; shift ;;
    --skip-maven) RUN_MAVEN=false; shift ;;
    -h|--help) sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
case "$TYPE" in app-image|deb) ;; *) die "--type must be app-image or deb, not '$TYPE'" ;; esac

# ---- tools ---------------------------------------------------------------------------------------------
find_jpackage() {
  local candidate
  for candidate in "${JPACKAGE:-}" "${JAVA_HOME:+$JAVA_HOME/bin/jpackage}" \
      /usr/lib/jvm/java-17-openjdk-amd64/bin/jpackage /usr/lib/jvm/java-17-openjdk-arm64/bin/jpackage \
      "$(command -v jpackage || true)"; do
    [[ -n "$candidate" && -x "$candidate" ]] || continue
    if [[ "$("$candidate" --version 2>/dev/null)" == 17* ]]; then echo "$candidate"; return 0; fi
  done
  return 1
}
JPACKAGE_BIN="$(find_jpackage)" || die "no JDK 17 jpackage found (set JPACKAGE=/path/to/jdk-17/bin/jpackage).
  The bundled runtime is made from the JDK that runs jpackage, and Kigo's libraries are pinned for Java 17."
JDK_HOME="$(cd "$(dirname "$JPACKAGE_BIN")/.." && pwd)"
[[ -d "$JDK_HOME/jmods" ]] || die "$JDK_HOME has no jmods/ folder: jpackage cannot make a runtime from it
  (Debian: apt-get install -y openjdk-17-jdk)."
JAVAC="$JDK_HOME/bin/javac"
JAR="$JDK_HOME/bin/jar"
if [[ "$TYPE" == deb ]]; then
  for tool in dpkg-deb fakeroot; do
    command -v "$tool" >/dev/null || die "--type deb needs $tool (apt-get install -y ${tool/dpkg-deb/dpkg} fakeroot)"
  done
fi

# ---- model ---------------------------------------------------------------------------------------------
HAVE_MODEL=false
if [[ -f "$MODEL_DIR/model.onnx" ]]; then
  for f in tokenizer.json model.json; do
    [[ -f "$MODEL_DIR/$f" ]] || die "$MODEL_DIR has model.onnx but no $f"
  done
  HAVE_MODEL=true
elif [[ "$ALLOW_NO_MODEL" == true ]]; then
  say "WARNING: no model at $MODEL_DIR; packaging without one (--allow-no-model)"
else
  die "no model at $MODEL_DIR (expected model.onnx, tokenizer.json, model.json).
  Add the model there, point --model-dir at one, or pass --allow-no-model to package without it."
fi

# ---- version -------------------------------------------------------------------------------------------
# The first <version> of the root pom is the project's (modelVersion is a different element).
FULL_VERSION="$(sed -n 's:.*<version>\([^<]*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)"
[[ -n "$FULL_VERSION" ]] || die "cannot read the version from $ROOT/pom.xml"
VERSION="${FULL_VERSION%-SNAPSHOT}"
[[ "$VERSION" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || die "version '$VERSION' is not of the form 1.2.3 that jpackage needs"

# ---- build ---------------------------------------------------------------------------------------------
START=$SECONDS
APP_TARGET="$ROOT/app/target"
APP_JAR="$APP_TARGET/kigo-app-$FULL_VERSION.jar"
if [[ "$RUN_MAVEN" == true ]]; then
  # A stale lib/ could hold both onnxruntime and onnxruntime_gpu after switching profiles.
  rm -rf "$APP_TARGET/lib"
  MVN_ARGS=(-B -q -DskipTests package)
  [[ "$CUDA" == true ]] && MVN_ARGS+=(-Pcuda)
  say "mvn ${MVN_ARGS[*]}"
  (cd "$ROOT" && mvn "${MVN_ARGS[@]}") || die "the Maven build failed"
fi
[[ -f "$APP_JAR" && -d "$APP_TARGET/lib" ]] || die "no $APP_JAR or $APP_TARGET/lib (run without --skip-maven)"
if [[ "$CUDA" == true ]] && ! ls "$APP_TARGET"/lib/onnxruntime_gpu-*.jar >/dev/null 2>&1; then
  die "--cuda given but app/target/lib has no onnxruntime_gpu jar"
fi
if ls "$APP_TARGET"/lib/onnxruntime_gpu-*.jar >/dev/null 2>&1 && ls "$APP_TARGET"/lib/onnxruntime-[0-9]*.jar >/dev/null 2>&1; then
  die "app/target/lib holds both onnxruntime and onnxruntime_gpu; run without --skip-maven"
fi

# ---- stage ---------------------------------------------------------------------------------------------
STAGE="$OUT/stage"
INPUT="$STAGE/input"
rm -rf "$STAGE" "$OUT/Kigo" "$OUT/jpackage-tmp"
mkdir -p "$INPUT/lib" "$STAGE/classes" "$STAGE/resources"

cp "$APP_JAR" "$INPUT/"
cp "$APP_TARGET"/lib/*.jar "$INPUT/lib/"

# Every bundled library must be listed in THIRD-PARTY.md (its artifact id in backquotes).
missing=()
for jar in "$INPUT"/lib/*.jar; do
  artifact="$(basename "$jar" .jar | sed 's/-[0-9].*$//')"
  grep -q "\`$artifact\`" "$PKG/THIRD-PARTY.md" || missing+=("$artifact")
done
[[ ${#missing[@]} -eq 0 ]] || die "not listed in packaging/THIRD-PARTY.md (add each with its licence): ${missing[*]}"

# The Linux package needs only this machine's natives: drop the other platforms' copies (and macOS debug
# symbols) from the bundled ONNX Runtime and tokenizers jars.
case "$(uname -m)" in
  x86_64) ORT_KEEP=linux-x64; DJL_KEEP=linux-x86_64 ;;
  aarch64) ORT_KEEP=linux-aarch64; DJL_KEEP=linux-aarch64 ;;
  *) ORT_KEEP=""; DJL_KEEP=""; SLIM=false ;;
esac
slim_jar() { # jar, prefix, platform to keep
  local jar="$1" prefix="$2" keep="$3" entries
  # Only entries in another platform's folder (prefix/<platform>/...); files directly under prefix/ stay
  # (DJL's tokenizers reads native/lib/tokenizers.properties).
  entries="$(unzip -Z1 "$jar" | grep "^$prefix[^/]*/" | grep -v "^$prefix$keep/" || true)"
  [[ -n "$entries" ]] || return 0
  printf '%s\n' "$entries" | zip -q -d "$jar" -@ >/dev/null
}
if [[ "$SLIM" == true ]]; then
  command -v zip >/dev/null && command -v unzip >/dev/null || die "zip and unzip are needed (or pass --no-slim)"
  before=$(du -sb "$INPUT/lib" | cut -f1)
  for jar in "$INPUT"/lib/onnxruntime-*.jar "$INPUT"/lib/onnxruntime_gpu-*.jar; do
    [[ -f "$jar" ]] && slim_jar "$jar" ai/onnxruntime/native/ "$ORT_KEEP"
  done
  for jar in "$INPUT"/lib/tokenizers-*.jar; do
    [[ -f "$jar" ]] && slim_jar "$jar" native/lib/ "$DJL_KEEP"
  done
  after=$(du -sb "$INPUT/lib" | cut -f1)
  say "kept only $ORT_KEEP / $DJL_KEEP natives: lib/ $((before / 1048576)) MB -> $((after / 1048576)) MB"
fi

# The launcher class: sets cache folders from $XDG_CACHE_HOME, then runs dev.kigo.Main.
"$JAVAC" --release 17 -d "$STAGE/classes" -cp "$APP_JAR" \
  "$PKG/launcher/dev/kigo/packaging/PackagedMain.java"
printf 'Class-Path: %s\n' "$(basename "$APP_JAR")" > "$STAGE/manifest.txt"
"$JAR" --create --file "$INPUT/kigo-launcher.jar" --manifest "$STAGE/manifest.txt" \
  --main-class dev.kigo.packaging.PackagedMain -C "$STAGE/classes" .

# Data that the app finds under kigo.home (= the app folder).
mkdir -p "$INPUT/dictionaries"
cp "$ROOT/dictionaries/cmudict.dict" "$ROOT/dictionaries/LICENSE" "$INPUT/dictionaries/"
cp "$ROOT/dictionaries/saijiki.txt" "$ROOT/dictionaries/SAIJIKI.md" "$INPUT/dictionaries/"
[[ -f "$ROOT/dictionaries/README.md" ]] && cp "$ROOT/dictionaries/README.md" "$INPUT/dictionaries/"
if [[ "$HAVE_MODEL" == true ]]; then
  mkdir -p "$INPUT/model-assets/kigo-haiku"
  # Only the files the app reads plus the card and licences (LICENSE, LICENSE-tokenizer, ...); no training
  # leftovers.
  for f in model.onnx tokenizer.json model.json MODEL_CARD.md README.md; do
    [[ -f "$MODEL_DIR/$f" ]] && cp "$MODEL_DIR/$f" "$INPUT/model-assets/kigo-haiku/"
  done
  for f in "$MODEL_DIR"/LICENSE*; do
    [[ -f "$f" ]] && cp "$f" "$INPUT/model-assets/kigo-haiku/"
  done
  [[ -f "$MODEL_DIR/MODEL_CARD.md" ]] || say "WARNING: $MODEL_DIR has no MODEL_CARD.md (the model's licence and provenance)"
fi

# Licences and the third-party list.
mkdir -p "$INPUT/LICENSES"
unzip -p "$INPUT"/lib/commons-csv-*.jar META-INF/LICENSE.txt > "$INPUT/LICENSES/Apache-2.0.txt"
cp "$PKG"/licenses/*.txt "$INPUT/LICENSES/"
OPENJDK_COPYRIGHT="$(ls /usr/share/doc/openjdk-17-jre-headless/copyright /usr/share/doc/openjdk-17-jdk-headless/copyright 2>/dev/null | head -1 || true)"
if [[ -n "$OPENJDK_COPYRIGHT" ]]; then
  cp "$OPENJDK_COPYRIGHT" "$INPUT/LICENSES/OpenJDK-17-copyright.txt"
elif [[ -f "$JDK_HOME/legal/java.base/LICENSE" ]]; then
  cp "$JDK_HOME/legal/java.base/LICENSE" "$INPUT/LICENSES/OpenJDK-17-copyright.txt"
else
  say "WARNING: no OpenJDK licence text found to ship"
fi
{
  cat "$PKG/THIRD-PARTY.md"
  echo
  echo "## This build"
  echo
  echo "Kigo $FULL_VERSION, packaged $(date -u +%Y-%m-%d) with $("$JPACKAGE_BIN" --version 2>&1 | head -1) ($JDK_HOME)."
  echo "ONNX Runtime variant: $([[ "$CUDA" == true ]] && echo "onnxruntime_gpu (-Pcuda)" || echo "onnxruntime (CPU)")."
  echo "Model: $([[ "$HAVE_MODEL" == true ]] && echo "model-assets/kigo-haiku from $MODEL_DIR" || echo "none")."
  echo
  echo "Bundled jars:"
  echo
  for jar in "$INPUT"/lib/*.jar; do echo "- lib/$(basename "$jar")"; done
} > "$INPUT/THIRD-PARTY.md"

# ---- jpackage ------------------------------------------------------------------------------------------
# Modules for the jlinked runtime: what `jdeps --print-module-deps` reports for the app jar and the library
# jars (java.xml comes in through java.desktop and java.sql). A missing module shows up as a
# NoClassDefFoundError at run time: check the CLI and the studio after changing this list.
# jpackage's default jlink options plus --compress=2 (zip-compressed lib/modules).
# A jlinked runtime has no class-data sharing archive of its own (jlink's --generate-cds-archive needs bin/java,
# which --strip-native-commands leaves out): the archive made below holds the JDK's classes that Kigo loads as well.
JLINK_OPTIONS="--strip-native-commands --strip-debug --no-man-pages --no-header-files --compress=2"
MODULES=java.base,java.compiler,java.desktop,java.logging,java.management,java.sql,jdk.unsupported,jdk.unsupported.desktop

cp "$PKG/linux/Kigo.desktop" "$STAGE/resources/Kigo.desktop"
cp "$PKG/linux/deb/postinst" "$PKG/linux/deb/prerm" "$STAGE/resources/"
DESCRIPTION="A writing studio for haiku: GPT-2 on your own machine, a syllable counter, a library."
COMMON=(
  --name Kigo
  --app-version "$VERSION"
  --vendor "The Kigo authors"
  --copyright "Copyright $(date -u +%Y) The Kigo authors"
  --description "$DESCRIPTION"
  --icon "$PKG/linux/kigo.png"
  --resource-dir "$STAGE/resources"
)
# The studio's JVM options (ZGC, every JIT compiler thread from the start), shared with ./kigo. A native crash report
# (ONNX Runtime is native code) goes to /tmp, not the poet's current folder (their home, when started from the menu):
# Kigo.cfg expands only $APPDIR, $BINDIR and $ROOTDIR, so it cannot name the cache folder that ./kigo uses.
STUDIO_JAVA_OPTIONS=()
while IFS= read -r option; do
  [[ -z "$option" || "$option" == \#* ]] || STUDIO_JAVA_OPTIONS+=(--java-options "$option")
done < "$PKG/studio-jvm.options"
say "jpackage --type app-image ($JPACKAGE_BIN)"
"$JPACKAGE_BIN" --type app-image --dest "$OUT" --temp "$OUT/jpackage-tmp" "${COMMON[@]}" \
  --input "$INPUT" \
  --main-jar kigo-launcher.jar \
  --main-class dev.kigo.packaging.PackagedMain \
  --add-modules "$MODULES" \
  --jlink-options "$JLINK_OPTIONS" \
  --java-options '-Dkigo.home=$APPDIR' \
  --java-options '-Dai.djl.offline=true' \
  --java-options '-XX:SharedArchiveFile=$APPDIR/kigo.jsa' \
  --java-options '-Xlog:cds=off' \
  --java-options '-Xlog:cds+dynamic=off' \
  --java-options '-XX:ErrorFile=/tmp/kigo-hs_err_pid%p.log' \
  "${STUDIO_JAVA_OPTIONS[@]}"
rm -rf "$OUT/jpackage-tmp"

# ---- class-data sharing ----------------------------------------------------------------------------------
# The classes a start of the studio loads, listed by one start under a virtual display (xvfb-run) that closes once
# the model is ready, or by a command where there is no xvfb-run; then a static archive of them beside the jars
# (lib/app/kigo.jsa), which Kigo.cfg names. An archive holds the absolute paths of the jars it was made from, so the
# .deb's postinst makes it again where the package is installed; a start without it (or with one that does not fit)
# loads its classes the usual way. See docs/packaging.md.
APP_DIR="$OUT/Kigo/lib/app"
CLASSLIST="$APP_DIR/kigo.classlist"
TRAIN="$STAGE/train"
mkdir -p "$TRAIN"
train_env=(env XDG_CONFIG_HOME="$TRAIN/config" XDG_CACHE_HOME="$TRAIN/cache" KIGO_DATA_DIR="$TRAIN/data")
if command -v xvfb-run >/dev/null && [[ "$HAVE_MODEL" == true ]]; then
  say "listing the studio's classes (one start under xvfb-run)"
  "${train_env[@]}" JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$CLASSLIST -Dkigo.startup.trace=exit" \
    timeout 300 xvfb-run -a -s "-screen 0 1280x800x24" "$OUT/Kigo/bin/Kigo" >"$TRAIN/studio.log" 2>&1 \
    || say "WARNING: the listing start failed (see $TRAIN/studio.log)"
fi
if [[ ! -s "$CLASSLIST" ]]; then
  say "listing a command's classes (no xvfb-run or no model: the studio's start gains less)"
  "${train_env[@]}" JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$CLASSLIST" \
    "$OUT/Kigo/bin/Kigo" count "an old silent pond / a frog jumps into the pond / splash! silence again" \
    >"$TRAIN/count.log" 2>&1 || say "WARNING: the listing command failed (see $TRAIN/count.log)"
fi
dump_archive() { # launcher, class list, archive
  JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$2 -XX:SharedArchiveFile=$3" "$1" >"$TRAIN/dump.log" 2>&1
}
if [[ -s "$CLASSLIST" ]] && dump_archive "$OUT/Kigo/bin/Kigo" "$CLASSLIST" "$OUT/Kigo/lib/app/kigo.jsa" \
    && [[ -s "$OUT/Kigo/lib/app/kigo.jsa" ]]; then
  say "class-data archive: lib/app/kigo.jsa ($(du -h "$OUT/Kigo/lib/app/kigo.jsa" | cut -f1), $(wc -l < "$CLASSLIST") classes listed)"
else
  rm -f "$OUT/Kigo/lib/app/kigo.jsa"
  say "WARNING: no class-data archive made (see $TRAIN/dump.log); the app starts without it"
fi
say "app image: $OUT/Kigo ($(du -sh "$OUT/Kigo" | cut -f1))"

if [[ "$TYPE" == deb ]]; then
  rm -f "$OUT"/kigo_*.deb
  # The package's archive is made by postinst where the jars are installed; this one names packaging/target.
  [[ -f "$APP_DIR/kigo.jsa" ]] && mv "$APP_DIR/kigo.jsa" "$STAGE/kigo.jsa"
  say "jpackage --type deb"
  "$JPACKAGE_BIN" --type deb --dest "$OUT" --temp "$OUT/jpackage-tmp" "${COMMON[@]}" \
    --app-image "$OUT/Kigo" \
    --install-dir /opt \
    --license-file "$INPUT/THIRD-PARTY.md" \
    --linux-package-name kigo \
    --linux-deb-maintainer "${KIGO_DEB_MAINTAINER:-maintainers@kigo.invalid}" \
    --linux-menu-group "Office;WordProcessor;" \
    --linux-app-category text \
    --linux-shortcut
  rm -rf "$OUT/jpackage-tmp"
  [[ -f "$STAGE/kigo.jsa" ]] && mv "$STAGE/kigo.jsa" "$APP_DIR/kigo.jsa"
  DEB="$(ls "$OUT"/kigo_*.deb)"
  say "deb: $DEB ($(du -h "$DEB" | cut -f1))"
fi
say "done in $((SECONDS - START)) s"

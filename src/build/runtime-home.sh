#!/bin/bash
# Makes the runtime home (SPEC.md section 3) when it is missing or older than the runtime's
# sources, and prints where it is: every JVM deployment is served from it, and a function is
# compiled against its api/ and built by its builder/.
#
#   <home>/quarkus-app/         the runtime's aot-jar (no function in it) and its class archives,
#                               one per protocol, trained on function folders served as deployments are
#   <home>/api/function-api.jar the function API; <home>/api/gson.jar the runtime's Gson (v5)
#   <home>/builder/             the function builder's classes (src/build/java)
#   <home>/ready                written last: the home is complete (jdk=<the JDK's version>)
#
#   OPENRUNTIMES_RUNTIME_HOME   where (<runtime root>/target/runtime; the image's /usr/local/runtime)
#
# Under a lock (two builds at once make it once), in a fresh folder renamed into place (a start
# never sees half a home). The runtime is built by a project generated in target/runtime-build,
# so a `./mvnw verify` of the same checkout is not disturbed. A home that cannot be rewritten
# (the image's, read-only) is used as it is.
set -eu
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -o pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HOME_DIR="${OPENRUNTIMES_RUNTIME_HOME:-$ROOT/target/runtime}"
case "$HOME_DIR" in /*) ;; *) HOME_DIR="$PWD/$HOME_DIR" ;; esac # printed for scripts that change folder
BUILD="$ROOT/target/runtime-build"
# shellcheck source=../../jvm-options.sh
source "$ROOT/jvm-options.sh"
# shellcheck source=../api/install.sh
source "$ROOT/src/api/install.sh"
# shellcheck source=function-project.sh
source "$ROOT/src/build/function-project.sh"

say() { echo "runtime-home.sh: $*" >&2; }
fail() { say "$*"; exit 1; }

# Complete, newer than every source it is made from, and made by this JDK (ready names it: a JVM
# reads only the class archives its own version wrote).
fresh() {
  [ -f "$HOME_DIR/ready" ] && [ -z "$(find "$ROOT/src/main" "$ROOT/src/build" "$ROOT/src/api/pom.xml" \
    "$ROOT/pom.xml" "$ROOT/jvm-options.sh" -newer "$HOME_DIR/ready" -print -quit 2>/dev/null)" ] \
    && [ "$(cat "$HOME_DIR/ready")" = "jdk=$(java_version)" ]
}

if fresh; then echo "$HOME_DIR"; exit 0; fi
if [ -f "$HOME_DIR/ready" ] && [ ! -w "$(dirname "$HOME_DIR")" ]; then
  say "WARNING: $HOME_DIR is older than the runtime's sources in $ROOT or trained by another JDK, and cannot be rebuilt: used as it is"
  echo "$HOME_DIR"
  exit 0
fi

mkdir -p "$ROOT/target" "$(dirname "$HOME_DIR")"
# One lock for the checkout: its homes share target/runtime-build.
exec 9>"$ROOT/target/runtime-home.lock"
flock 9
if fresh; then echo "$HOME_DIR"; exit 0; fi # made by the build this one waited for

STARTED="${EPOCHREALTIME//[!0-9]/}"
NEW="$(mktemp -d "$HOME_DIR.new.XXXXXX")"
trap 'rm -rf "$NEW"' EXIT
say "making the runtime home $HOME_DIR (logs in $BUILD)"
export MAVEN_OPTS="${MAVEN_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"

# The runtime's aot-jar: the runtime's pom, with runtime.root pointing back at these sources.
rm -rf "$BUILD" && mkdir -p "$BUILD"
cp "$ROOT/pom.xml" "$BUILD/pom.xml"
say "building the runtime (Maven, Quarkus aot-jar)"
(cd "$BUILD" && "$ROOT/mvnw" -B -Dquarkus.analytics.disabled=true -Druntime.root="$ROOT" -Dmaven.test.skip=true \
  package -Dquarkus.package.jar.type=aot-jar >"$BUILD/maven.log" 2>&1) \
  || { tail -n 40 "$BUILD/maven.log" >&2; fail "the runtime did not build (Maven's output above, all of it in $BUILD/maven.log)"; }
cp -a "$BUILD/target/quarkus-app" "$NEW/quarkus-app"

# The API a function compiles against: the jar the local Maven repository has (installed when
# stale, for scaffolded functions' own pom.xml too), and the Gson the runtime serves v5 functions.
function_api_install "$ROOT" "$BUILD/function-api.log" >&2 || fail "the function API could not be installed"
mkdir -p "$NEW/api"
cp "$(function_api_jar "$ROOT")" "$NEW/api/function-api.jar"
GSON=("$NEW"/quarkus-app/lib/main/com.google.code.gson.gson-*.jar)
[ -f "${GSON[0]}" ] || fail "the runtime's Gson is not in $NEW/quarkus-app/lib/main"
cp "${GSON[0]}" "$NEW/api/gson.jar"

# The builder, compiled as build.sh and dev.sh run it (src/build/function-project.sh); also in a
# jar (builder/builder.jar) for build.sh, which runs it with a class archive trained below: a
# class archive takes jars only, no folders.
cp -r "$(function_builder_classes "$ROOT")" "$NEW/builder" || fail "the builder did not compile"
rm -f "$NEW/builder/.compiled"
"${JAVA%java}jar" cf "$NEW/builder/builder.jar" -C "$NEW/builder" io

# The training: each protocol's server, started from the new home as a start does, serves a
# training function from a function folder (built here as the builder builds a function without
# dependencies) and takes the training client's executions; as it exits, the JVM writes the
# class archive (JDK 25: a second JVM assembles it before the first exits). One JVM at a time.
TRAINING="$BUILD/training"
mkdir -p "$TRAINING/client" "$TRAINING/classes"
JAVAC="${JAVA%java}javac"
"$JAVAC" -nowarn --release 17 -d "$TRAINING/client" "$ROOT/src/build/training/TrainingClient.java" >&2
"$JAVAC" -nowarn --release 17 -cp "$NEW/api/function-api.jar" -d "$TRAINING/classes" \
  "$ROOT/src/build/training/TrainingFunction.java" "$ROOT/src/build/training/V5TrainingFunction.java" >&2
cp "$ROOT/src/build/training/training.txt" "$TRAINING/classes/"
API_VERSION="$(sed -n 's/^version=//p' "$ROOT/src/main/resources/META-INF/openruntimes/function-api.properties")"

train() { # <protocol> <entry class>
  local protocol="$1" function="$TRAINING/$1/function" log="$BUILD/training-$1.log" key="training-$RANDOM$RANDOM" url="" pid
  mkdir -p "$function" "$TRAINING/$protocol/logs" "$TRAINING/$protocol/telemetry"
  cp -a "$TRAINING/classes" "$function/classes"
  printf 'api-version=%s\nclass=%s\nentrypoint=%s\nprotocol=%s\n' "$API_VERSION" "$2" "${2##*.}.java" "$protocol" \
    >"$function/function.properties"
  OPENRUNTIMES_PROTOCOL="$protocol" jvm_flags "$NEW/quarkus-app" train
  (cd "$NEW/quarkus-app" && INTERNAL_RUNTIME_KEY="$key" OPEN_RUNTIMES_SECRET="$key" QUARKUS_HTTP_PORT=0 \
    QUARKUS_HTTP_HOST=127.0.0.1 OPENRUNTIMES_PROTOCOL="$protocol" OPENRUNTIMES_FUNCTION_DIR="$function" \
    OPENRUNTIMES_LOGS_DIR="$TRAINING/$protocol/logs" OPENRUNTIMES_TELEMETRY_DIR="$TRAINING/$protocol/telemetry" \
    exec "$JAVA" "${JVM_FLAGS[@]}" -jar quarkus-run.jar) >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 600); do # up to 60 s to start, on a random port it logs
    url="$(grep -o 'Listening on: http://[0-9.:]*' "$log" | sed 's/Listening on: //')" || true
    [ -z "$url" ] && kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ -n "$url" ]; then
    "$JAVA" -cp "$TRAINING/client" io.openruntimes.training.TrainingClient "$url" "$key" "$protocol" >>"$log" 2>&1 \
      || say "WARNING: the $protocol training executions failed (see $log)"
  fi
  kill "$pid" 2>/dev/null || true
  # Until it is gone: the archive is written (and on JDK 25 assembled) before the JVM exits.
  for _ in $(seq 1200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  ls "$NEW/quarkus-app/jdk-"*"-$protocol".* >/dev/null 2>&1 \
    || { tail -n 20 "$log" >&2; say "WARNING: the $protocol training left no class archive (log above): starts will be slower"; }
}
say "training the class archives (classic, then v5, then the builder)"
train classic io.openruntimes.training.TrainingFunction
train v5 io.openruntimes.training.V5TrainingFunction
# The builder's: one build of the training functions' sources, as build.sh runs it (no Maven).
mkdir -p "$TRAINING/builder-code"
cp "$ROOT/src/build/training/"*Function.java "$ROOT/src/build/training/training.txt" "$TRAINING/builder-code/"
archive_flags "$NEW/builder" "" train
(cd "$NEW/builder" && exec "$JAVA" "${BUILDER_FLAGS[@]}" "${ARCHIVE_FLAGS[@]}" -cp builder.jar io.openruntimes.build.FunctionBuilder jvm \
  --code "$TRAINING/builder-code" --entrypoint TrainingFunction.java --protocol classic \
  --api "$NEW/api/function-api.jar" --gson "$NEW/api/gson.jar" --maven "$ROOT/mvnw" \
  --work "$TRAINING/builder-work" --out "$TRAINING/builder-out") >"$BUILD/training-builder.log" 2>&1 \
  || { tail -n 20 "$BUILD/training-builder.log" >&2; say "WARNING: the builder's training build failed (log above): builds will be slower"; }

# Readable by every user (mktemp made the folder private): the image serves functions as others too.
chmod -R a+rX "$NEW"
echo "jdk=$(java_version)" >"$NEW/ready"
# Renamed into place; a home it replaces goes after (a server still running from it keeps its files).
OLD=""
if [ -e "$HOME_DIR" ]; then OLD="$(mktemp -u "$HOME_DIR.old.XXXXXX")"; mv "$HOME_DIR" "$OLD"; fi
mv "$NEW" "$HOME_DIR"
trap - EXIT
[ -z "$OLD" ] || rm -rf "$OLD"
say "made $HOME_DIR in $(( (${EPOCHREALTIME//[!0-9]/} - STARTED) / 1000000 )) s"
echo "$HOME_DIR"

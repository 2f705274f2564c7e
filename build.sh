#!/bin/bash
# Builds the function in the code folder into the runtime, and packs what start.sh needs
# into code.tar.gz beside it. The user's files are copied, never changed.
#
#   INTERNAL_RUNTIME_ENTRYPOINT  the entrypoint file, relative to the code folder, or to its src/main/java
#                                when it has one (Index.java)
#   OPENRUNTIMES_PACKAGE         jvm (a Quarkus aot-jar, the default) or native (a native binary)
#   OPENRUNTIMES_NATIVE_SOURCES_ONLY  true: with native, stop at what native-image would compile
#                                (workspace/target/native-sources): checks a native build without GraalVM
#   OPENRUNTIMES_CODE_DIR        the code folder (/usr/code, as in the container)
#   OPENRUNTIMES_WORKSPACE       scratch space for the build (/usr/workspace)
#   OPENRUNTIMES_TRAINING        on (default) or off: a training run, for a fast start (below)
#   OPENRUNTIMES_ARCHIVE         where the build output goes ($OPENRUNTIMES_CODE_DIR/code.tar.gz, where the
#                                executor takes it; a zstd-compressed tar whatever the name, gzip where
#                                zstd is missing), or none: leave it unpacked in the workspace
set -eu
# Executors run `sh build.sh`; where sh is not bash (Debian's dash), run again under bash.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"

RUNTIME="$(cd "$(dirname "$0")" && pwd)"
CODE="${OPENRUNTIMES_CODE_DIR:-/usr/code}"
WORKSPACE="${OPENRUNTIMES_WORKSPACE:-/usr/workspace}"
ENTRYPOINT="${INTERNAL_RUNTIME_ENTRYPOINT:-Index.java}"
PACKAGE="${OPENRUNTIMES_PACKAGE:-jvm}"
TRAINING="${OPENRUNTIMES_TRAINING:-on}"
ARCHIVE="${OPENRUNTIMES_ARCHIVE:-$CODE/code.tar.gz}"
source "$RUNTIME/jvm-options.sh"
source "$RUNTIME/src/api/install.sh"
source "$RUNTIME/src/build/function-project.sh"
source "$RUNTIME/src/build/progress.sh"

fail() { echo "build.sh: $*" >&2; exit 1; }
case "$PACKAGE" in jvm|native) ;; *) fail "OPENRUNTIMES_PACKAGE must be jvm or native, not '$PACKAGE'" ;; esac
[ -d "$CODE" ] || fail "code folder not found: $CODE"
# In Maven's layout (src/main/java), Index.java names src/main/java/Index.java as well.
[ -f "$CODE/$ENTRYPOINT" ] || [ -f "$CODE/src/main/java/$ENTRYPOINT" ] || fail "entrypoint file not found: $CODE/$ENTRYPOINT (INTERNAL_RUNTIME_ENTRYPOINT=$ENTRYPOINT, relative to the code folder)"

# Maven is short-lived here: C1 alone starts faster than it loses on peak speed.
export MAVEN_OPTS="${MAVEN_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"
MAVEN=("$RUNTIME/mvnw" -B -Dquarkus.analytics.disabled=true -Dmaven.test.skip=true)

step "Copying the function from $CODE"
rm -rf "$WORKSPACE/function" "$WORKSPACE/generated"
mkdir -p "$WORKSPACE/function"
tar -C "$CODE" --exclude=./code.tar.gz -cf - . | tar -C "$WORKSPACE/function" -xf -

step "Checking the function API artifact"
function_api_install "$RUNTIME" "$WORKSPACE/function-api.log" || fail "the function API could not be installed"

step "Preparing the build of $ENTRYPOINT"
CLASS="$(function_project "$RUNTIME" \
  "$RUNTIME" "$WORKSPACE/function" "$ENTRYPOINT" "$WORKSPACE")" || exit 1

step "Compiling $CLASS with the runtime ($PACKAGE)"
SOURCES_ONLY="${OPENRUNTIMES_NATIVE_SOURCES_ONLY:-false}"
# aot-jar: a fast-jar whose classes load from the class path, where a class archive can hold them.
KIND=(-Dquarkus.package.jar.type=aot-jar)
# Named function-runner, whatever the runtime's version: that is the file packed below.
[ "$PACKAGE" = native ] && KIND=(-Dquarkus.native.enabled=true -Dquarkus.package.output-name=function
  -Dquarkus.native.sources-only="$SOURCES_ONLY")
LOG="$WORKSPACE/maven.log"
if ! (cd "$WORKSPACE" && set -o pipefail && "${MAVEN[@]}" package "${KIND[@]}" 2>&1 | maven_progress "$LOG"); then
  # Name the cause in the user's terms: their paths, not the workspace's. Maven's own advice
  # (re-run with -e, the [Help 1] links) goes; the cause stays, also when it ends in "-> [Help 1]".
  ERRORS="$(grep -E '^\[ERROR\]' "$LOG" | sed -E 's/ -> \[Help [0-9]+\]$//' \
    | grep -vE 'Re-run Maven|^\[ERROR\] *$|full stack trace|MojoFailureException|^\[ERROR\] \[Help [0-9]+\]|please read the following|^\[ERROR\] For more information about the errors' || true)"
  # Nothing in Maven's error lines (a failure before it logs one): its whole output, the end of it.
  [ -n "$ERRORS" ] || ERRORS="$(tail -n 40 "$LOG")"
  sed "s|$WORKSPACE/function/|$CODE/|g" <<<"$ERRORS" >&2
  if grep -q 'Could not resolve dependencies\|could not be resolved' "$LOG"; then
    fail "a dependency of the function (its pom.xml or *.gradle files in $CODE) could not be resolved (coordinates above)"
  elif grep -q 'COMPILATION ERROR\|Compilation failure' "$LOG"; then
    fail "the function does not compile (errors above, with file and line)"
  fi
  fail "the build failed (Maven's errors above)"
fi

if [ "$PACKAGE" = native ] && [ "$SOURCES_ONLY" = true ]; then
  step_done
  echo "Native sources in $WORKSPACE/target/native-sources (not compiled, nothing packed)"
  exit 0
fi
# The training run: the server, started as start.sh starts it, serves a few executions on
# loopback and stops; as it exits, the JVM writes the archive of the classes it loaded
# (jvm-options.sh), which start.sh hands to the next JVM. It serves TrainingFunction, not the
# user's function: their code must not run (and have its side effects) at build time.
train() {
  local app="$WORKSPACE/target/quarkus-app" key="training-$RANDOM$RANDOM" url="" pid
  local protocol="${OPENRUNTIMES_PROTOCOL:-classic}" function=io.openruntimes.quarkus.build.TrainingFunction
  # v5: the v5 edge serving a v5 stand-in, its log files in a scratch folder.
  [ "$protocol" = v5 ] && function=io.openruntimes.quarkus.build.V5TrainingFunction
  jvm_flags "$app" train
  (cd "$app" && INTERNAL_RUNTIME_KEY="$key" OPEN_RUNTIMES_SECRET="$key" QUARKUS_HTTP_PORT=0 QUARKUS_HTTP_HOST=127.0.0.1 \
    OPENRUNTIMES_PROTOCOL="$protocol" OPENRUNTIMES_FUNCTION_CLASS="$function" \
    OPENRUNTIMES_LOGS_DIR="$WORKSPACE/training-logs" OPENRUNTIMES_TELEMETRY_DIR="$WORKSPACE/training-telemetry" \
    exec "$JAVA" "${JVM_FLAGS[@]}" -jar quarkus-run.jar) >"$WORKSPACE/training.log" 2>&1 &
  pid=$!
  for _ in $(seq 300); do # up to 30 s to start, on a random port it logs
    url="$(grep -o 'Listening on: http://[0-9.:]*' "$WORKSPACE/training.log" | sed 's/Listening on: //')" || true
    [ -z "$url" ] && kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ -n "$url" ]; then
    "$JAVA" -cp "$(ls "$app"/app/*.jar | head -n 1)" io.openruntimes.quarkus.build.TrainingClient "$url" "$key" "$protocol" \
      >>"$WORKSPACE/training.log" 2>&1 || echo "build.sh: WARNING: the training executions failed (see $WORKSPACE/training.log)" >&2
  fi
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done # the archive is written
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  ls "$app"/jdk-*.* >/dev/null 2>&1 \
    || { tail -n 20 "$WORKSPACE/training.log" >&2; echo "build.sh: WARNING: the training run left no class archive (log above): the function will start slower" >&2; }
}
rm -f "$WORKSPACE"/target/quarkus-app/jdk-*.* # an archive of a previous build would not match
if [ "$PACKAGE" = jvm ] && [ "$TRAINING" != off ]; then
  step "Training a class archive for a fast start (OPENRUNTIMES_TRAINING=off to skip)"
  train
fi

if [ "$ARCHIVE" = none ]; then
  step_done
  echo "Built $CLASS in $(elapsed "$BUILD_STARTED"), not packed (OPENRUNTIMES_ARCHIVE=none): $WORKSPACE/target"
  exit 0
fi
step "Packing $ARCHIVE"
mkdir -p "$(dirname "$ARCHIVE")"
if [ "$PACKAGE" = native ]; then
  tar -C "$WORKSPACE/target" -czf "$ARCHIVE" function-runner
else
  # zstd (its default level, on every core): as small as gzip -1 in a fifth of the time, and
  # start.sh unpacks it in a quarter of gzip's (docs/performance.md). gzip -1 where zstd is not
  # installed: start.sh reads both, by their first bytes.
  if command -v zstd >/dev/null; then COMPRESS='zstd -q -T0'; else COMPRESS='gzip -1'; fi
  tar -C "$WORKSPACE/target" -I "$COMPRESS" -cf "$ARCHIVE" quarkus-app
fi
step_done
echo "Built $CLASS in $(elapsed "$BUILD_STARTED"): $ARCHIVE, $(du -h "$ARCHIVE" | cut -f1)"

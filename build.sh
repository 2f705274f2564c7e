#!/bin/bash
# Builds the function in the code folder, and packs what start.sh needs into code.tar.gz beside
# it. The user's files are copied, never changed. JVM (the default): the function alone, compiled
# against the runtime home (src/build/runtime-home.sh; the image's /usr/local/runtime) into a
# function folder (function/: function.properties, classes/, lib/), which start.sh serves with
# the home's runtime; no Maven unless the function declares dependencies. Native: the function
# compiled into the runtime, one binary.
#
#   INTERNAL_RUNTIME_ENTRYPOINT  the entrypoint file, relative to the code folder, or to its src/main/java
#                                when it has one (Index.java)
#   OPENRUNTIMES_PACKAGE         jvm (a function folder, the default) or native (a native binary)
#   OPENRUNTIMES_PROTOCOL        classic (the default) or v5 (helpers/build.sh): the API it is built for
#   OPENRUNTIMES_RUNTIME_HOME    the runtime home (<runtime root>/target/runtime, made on first use)
#   OPENRUNTIMES_NATIVE_SOURCES_ONLY  true: with native, stop at what native-image would compile
#                                (workspace/target/native-sources): checks a native build without GraalVM
#   OPENRUNTIMES_CODE_DIR        the code folder (/usr/code, as in the container)
#   OPENRUNTIMES_WORKSPACE       scratch space for the build (/usr/workspace)
#   OPENRUNTIMES_ARCHIVE         where the build output goes ($OPENRUNTIMES_CODE_DIR/code.tar.gz, where the
#                                executor takes it; a zstd-compressed tar whatever the name, gzip where
#                                zstd is missing), or none: leave it unpacked in the workspace
#                                (workspace/function; native: workspace/target)
set -eu
# Executors run `sh build.sh`; where sh is not bash (Debian's dash), run again under bash.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"

RUNTIME="$(cd "$(dirname "$0")" && pwd)"
CODE="${OPENRUNTIMES_CODE_DIR:-/usr/code}"
WORKSPACE="${OPENRUNTIMES_WORKSPACE:-/usr/workspace}"
ENTRYPOINT="${INTERNAL_RUNTIME_ENTRYPOINT:-Index.java}"
PACKAGE="${OPENRUNTIMES_PACKAGE:-jvm}"
PROTOCOL="${OPENRUNTIMES_PROTOCOL:-classic}"
ARCHIVE="${OPENRUNTIMES_ARCHIVE:-$CODE/code.tar.gz}"
source "$RUNTIME/jvm-options.sh"
source "$RUNTIME/src/api/install.sh"
source "$RUNTIME/src/build/function-project.sh"
source "$RUNTIME/src/build/progress.sh"

fail() { echo "build.sh: $*" >&2; exit 1; }
case "$PACKAGE" in jvm|native) ;; *) fail "OPENRUNTIMES_PACKAGE must be jvm or native, not '$PACKAGE'" ;; esac
case "$PROTOCOL" in classic|v5) ;; *) fail "OPENRUNTIMES_PROTOCOL must be classic or v5, not '$PROTOCOL'" ;; esac
[ -d "$CODE" ] || fail "code folder not found: $CODE"
mkdir -p "$WORKSPACE" && WORKSPACE="$(cd "$WORKSPACE" && pwd)" # the builder runs from the home's folder
# In Maven's layout (src/main/java), Index.java names src/main/java/Index.java as well.
[ -f "$CODE/$ENTRYPOINT" ] || [ -f "$CODE/src/main/java/$ENTRYPOINT" ] || fail "entrypoint file not found: $CODE/$ENTRYPOINT (INTERNAL_RUNTIME_ENTRYPOINT=$ENTRYPOINT, relative to the code folder)"

step "Copying the function from $CODE"
rm -rf "$WORKSPACE/code" "$WORKSPACE/function" "$WORKSPACE/builder" "$WORKSPACE/generated" "$WORKSPACE/target"
mkdir -p "$WORKSPACE/code"
tar -C "$CODE" --exclude=./code.tar.gz -cf - . | tar -C "$WORKSPACE/code" -xf -

if [ "$PACKAGE" = jvm ]; then
  # The function alone, compiled against the runtime home's API by its builder into a function
  # folder (function.properties, classes/, lib/) that start.sh serves with the home's runtime.
  step "Checking the runtime home"
  HOME_DIR="$("$RUNTIME/src/build/runtime-home.sh")" || fail "the runtime home could not be made"
  [ -f "$HOME_DIR/builder/builder.jar" ] || fail "the runtime home $HOME_DIR has no builder"
  step "Compiling $ENTRYPOINT ($PROTOCOL)"
  # From the builder's folder, with the class archive the home trained for it (jvm-options.sh).
  archive_flags "$HOME_DIR/builder" ""
  CLASS="$(cd "$HOME_DIR/builder" && exec "$JAVA" "${BUILDER_FLAGS[@]}" "${ARCHIVE_FLAGS[@]}" -cp builder.jar \
    io.openruntimes.build.FunctionBuilder jvm \
    --code "$WORKSPACE/code" --shown-as "$CODE" --entrypoint "$ENTRYPOINT" --protocol "$PROTOCOL" \
    --api "$HOME_DIR/api/function-api.jar" --gson "$HOME_DIR/api/gson.jar" \
    --maven "$RUNTIME/mvnw" --work "$WORKSPACE/builder" --out "$WORKSPACE/function")" || exit 1
  if [ "$ARCHIVE" = none ]; then
    step_done
    echo "Built $CLASS in $(elapsed "$BUILD_STARTED"), not packed (OPENRUNTIMES_ARCHIVE=none): $WORKSPACE/function"
    exit 0
  fi
  step "Packing $ARCHIVE"
  mkdir -p "$(dirname "$ARCHIVE")"
  # zstd (its default level, on every core): as small as gzip -1 in a fifth of the time, and
  # start.sh unpacks it in a quarter of gzip's (docs/performance.md). gzip -1 where zstd is not
  # installed: start.sh reads both, by their first bytes.
  if command -v zstd >/dev/null; then COMPRESS='zstd -q -T0'; else COMPRESS='gzip -1'; fi
  tar -C "$WORKSPACE" -I "$COMPRESS" -cf "$ARCHIVE" function
  step_done
  echo "Built $CLASS in $(elapsed "$BUILD_STARTED"): $ARCHIVE, $(du -h "$ARCHIVE" | cut -f1)"
  exit 0
fi

# Native: the function compiled into the runtime, one binary (a closed world needs it whole).
# Maven is short-lived here: C1 alone starts faster than it loses on peak speed.
export MAVEN_OPTS="${MAVEN_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"
MAVEN=("$RUNTIME/mvnw" -B -Dquarkus.analytics.disabled=true -Dmaven.test.skip=true)

step "Checking the function API artifact"
function_api_install "$RUNTIME" "$WORKSPACE/function-api.log" || fail "the function API could not be installed"

step "Preparing the build of $ENTRYPOINT"
CLASS="$(function_project "$RUNTIME" \
  "$RUNTIME" "$WORKSPACE/code" "$ENTRYPOINT" "$WORKSPACE")" || exit 1

step "Compiling $CLASS with the runtime (native)"
SOURCES_ONLY="${OPENRUNTIMES_NATIVE_SOURCES_ONLY:-false}"
# Named function-runner, whatever the runtime's version: that is the file packed below.
KIND=(-Dquarkus.native.enabled=true -Dquarkus.package.output-name=function -Dquarkus.native.sources-only="$SOURCES_ONLY")
LOG="$WORKSPACE/maven.log"
if ! (cd "$WORKSPACE" && set -o pipefail && "${MAVEN[@]}" package "${KIND[@]}" 2>&1 | maven_progress "$LOG"); then
  # Name the cause in the user's terms: their paths, not the workspace's. Maven's own advice
  # (re-run with -e, the [Help 1] links) goes; the cause stays, also when it ends in "-> [Help 1]".
  ERRORS="$(grep -E '^\[ERROR\]' "$LOG" | sed -E 's/ -> \[Help [0-9]+\]$//' \
    | grep -vE 'Re-run Maven|^\[ERROR\] *$|full stack trace|MojoFailureException|^\[ERROR\] \[Help [0-9]+\]|please read the following|^\[ERROR\] For more information about the errors' || true)"
  # Nothing in Maven's error lines (a failure before it logs one): its whole output, the end of it.
  [ -n "$ERRORS" ] || ERRORS="$(tail -n 40 "$LOG")"
  sed "s|$WORKSPACE/code/|$CODE/|g" <<<"$ERRORS" >&2
  if grep -q 'Could not resolve dependencies\|could not be resolved' "$LOG"; then
    fail "a dependency of the function (its pom.xml or *.gradle files in $CODE) could not be resolved (coordinates above)"
  elif grep -q 'COMPILATION ERROR\|Compilation failure' "$LOG"; then
    fail "the function does not compile (errors above, with file and line)"
  fi
  fail "the build failed (Maven's errors above)"
fi

if [ "$SOURCES_ONLY" = true ]; then
  step_done
  echo "Native sources in $WORKSPACE/target/native-sources (not compiled, nothing packed)"
  exit 0
fi
if [ "$ARCHIVE" = none ]; then
  step_done
  echo "Built $CLASS in $(elapsed "$BUILD_STARTED"), not packed (OPENRUNTIMES_ARCHIVE=none): $WORKSPACE/target"
  exit 0
fi
step "Packing $ARCHIVE"
mkdir -p "$(dirname "$ARCHIVE")"
tar -C "$WORKSPACE/target" -czf "$ARCHIVE" function-runner
step_done
echo "Built $CLASS in $(elapsed "$BUILD_STARTED"): $ARCHIVE, $(du -h "$ARCHIVE" | cut -f1)"

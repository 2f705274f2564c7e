#!/bin/bash
# Serves a function folder for its author: save a source or resource, and the next execution
# runs the new code. The runtime runs as deployed (the runtime home's, see jvm-options.sh) and
# loads the function as a deployment does, in a class loader of its own; dev tools (src/dev/java,
# given to it in OPENRUNTIMES_DEV_TOOLS) compile the folder again in that JVM when a file of it
# changed, before the next execution. The entry class says the API: main(RuntimeContext) is v5
# (any method and path), main(Request, Response) classic (POST / with JSON). Not for production:
# with no INTERNAL_RUNTIME_KEY set, the classic challenge is off.
#
#   ./dev.sh <function folder> [JVM options for the runtime, e.g. -Ddebug=5005]
#   ./mvnw quarkus:dev -Dfunction=<function folder>    (the same, through the runtime's pom)
#
#   INTERNAL_RUNTIME_ENTRYPOINT  the entrypoint file, relative to the folder, or to its src/main/java
#                                when it has one (Index.java)
#   QUARKUS_HTTP_PORT            the port to listen on (3000)
#   QUARKUS_HTTP_HOST            the address to listen on: 127.0.0.1 (this machine only) while the
#                                challenge is off, 0.0.0.0 when INTERNAL_RUNTIME_KEY is set
#   OPENRUNTIMES_DEV_WORKSPACE   where builds, dependency jars and v5 log files go
#                                (target/dev/<folder name>-<hash of its path>, under the runtime)
#
# The folder is used in place, never copied or changed. Its dependencies (pom.xml, *.gradle) are
# resolved once, at start, by the function builder as build.sh resolves them: restart after
# changing them.
set -eu
# Started as `sh dev.sh` where sh is not bash (Debian's dash)? Run again under bash.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"

RUNTIME="$(cd "$(dirname "$0")" && pwd)"
source "$RUNTIME/jvm-options.sh"
source "$RUNTIME/src/api/install.sh"

fail() { echo "dev.sh: $*" >&2; exit 1; }
[ $# -ge 1 ] || fail "usage: dev.sh <function folder> [JVM options]"
[ -d "$1" ] || fail "function folder not found: $1"
CODE="$(cd "$1" && pwd)"
shift
# One workspace per folder, so that dev modes on two functions never share builds.
WORKSPACE="${OPENRUNTIMES_DEV_WORKSPACE:-$RUNTIME/target/dev/$(basename "$CODE")-$(printf %s "$CODE" | cksum | cut -d' ' -f1)}"
mkdir -p "$WORKSPACE"
WORKSPACE="$(cd "$WORKSPACE" && pwd)"

# For the function's own pom.xml, if it declares the API (its IDE, its `mvn test`).
function_api_install "$RUNTIME" "$WORKSPACE/function-api.log" || exit 1
HOME_DIR="$("$RUNTIME/src/build/runtime-home.sh")" || fail "the runtime home could not be made"
APP="$HOME_DIR/quarkus-app"

# The dev tools, compiled against the runtime they plug into and the builder whose rules they
# share; again only when their sources (or those) change.
TOOLS="$RUNTIME/target/dev-tools"
if [ ! -f "$TOOLS/.compiled" ] || [ -n "$(find "$RUNTIME/src/dev" "$APP/app" "$HOME_DIR/builder/builder.jar" -newer "$TOOLS/.compiled" -print -quit)" ]; then
  FRESH="$(mktemp -d "$RUNTIME/target/dev-tools.XXXXXX")"
  find "$RUNTIME/src/dev/java" -name '*.java' >"$FRESH/.sources"
  "${JAVA%java}javac" -nowarn --release 17 -d "$FRESH" \
    -cp "$(find "$APP/app" "$APP/lib" -name '*.jar' | paste -sd:):$HOME_DIR/builder/builder.jar" "@$FRESH/.sources" \
    || { rm -rf "$FRESH"; fail "the dev tools did not compile"; }
  cp -R "$RUNTIME/src/dev/resources/." "$FRESH/"
  rm -f "$FRESH/.sources" && touch "$FRESH/.compiled"
  rm -rf "$TOOLS" && mv "$FRESH" "$TOOLS"
fi

export OPENRUNTIMES_DEV_CODE="$CODE" OPENRUNTIMES_DEV_WORKSPACE="$WORKSPACE"
export OPENRUNTIMES_DEV_ENTRYPOINT="${INTERNAL_RUNTIME_ENTRYPOINT:-Index.java}"
export OPENRUNTIMES_DEV_API="$HOME_DIR/api/function-api.jar" OPENRUNTIMES_DEV_GSON="$HOME_DIR/api/gson.jar"
# The first build, as build.sh makes it (the builder's checks and errors, the dependencies
# resolved), into the workspace's start/; --protocol v5 checks no main: the entry class's main
# says which API it is, and so which protocol the runtime speaks.
echo "dev.sh: building $CODE"
archive_flags "$HOME_DIR/builder" ""
(cd "$HOME_DIR/builder" && exec "$JAVA" "${BUILDER_FLAGS[@]}" "${ARCHIVE_FLAGS[@]}" -cp builder.jar \
  io.openruntimes.build.FunctionBuilder jvm \
  --code "$CODE" --shown-as "$CODE" --entrypoint "$OPENRUNTIMES_DEV_ENTRYPOINT" --protocol v5 \
  --api "$OPENRUNTIMES_DEV_API" --gson "$OPENRUNTIMES_DEV_GSON" \
  --maven "$RUNTIME/mvnw" --work "$WORKSPACE/builder" --out "$WORKSPACE/start") >/dev/null || exit 1
read -r PROTOCOL CLASS < <("$JAVA" "${BUILDER_FLAGS[@]}" -cp "$TOOLS" io.openruntimes.dev.DevStart || echo failed)
[ "$PROTOCOL" != failed ] || exit 1
echo "dev.sh: serving $CLASS ($PROTOCOL API) from $CODE (workspace $WORKSPACE)"

# Without a key anyone who reaches the port runs the function: only this machine, unless asked.
if [ -n "${INTERNAL_RUNTIME_KEY:-}" ]; then
  export QUARKUS_HTTP_HOST="${QUARKUS_HTTP_HOST:-0.0.0.0}"
else
  export QUARKUS_HTTP_HOST="${QUARKUS_HTTP_HOST:-127.0.0.1}"
fi
export OPENRUNTIMES_PROTOCOL="$PROTOCOL" OPENRUNTIMES_FUNCTION_CLASS="$CLASS" OPENRUNTIMES_DEV_TOOLS="$TOOLS,$HOME_DIR/builder/builder.jar"
# v5 as the executor's development serve: no secret, the log id `dev` unless the caller names one,
# the log files in the workspace.
export OPEN_RUNTIMES_SECRET="" OPEN_RUNTIMES_ENV="${OPEN_RUNTIMES_ENV:-development}"
export OPENRUNTIMES_LOGS_DIR="$WORKSPACE/logs" OPENRUNTIMES_TELEMETRY_DIR="$WORKSPACE/telemetry"
mkdir -p "$OPENRUNTIMES_LOGS_DIR" "$OPENRUNTIMES_TELEMETRY_DIR"

# C1 only: javac, compiling at every save in this JVM, is warm after about ten compiles instead of
# hundreds (C2 keeps recompiling it; 40-60 ms against 200-400 ms a compile on two busy cores).
# -Ddebug=PORT, as Quarkus dev mode took it, opens a debugger port; other arguments go to the JVM.
JVM_ARGS=(-XX:TieredStopAtLevel=1)
for argument in "$@"; do
  case "$argument" in
    -Ddebug=false) ;;
    -Ddebug=*) JVM_ARGS+=("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=${argument#-Ddebug=}") ;;
    *) JVM_ARGS+=("$argument") ;;
  esac
done
jvm_flags "$APP"
cd "$APP"
exec "$JAVA" "${JVM_FLAGS[@]}" "${JVM_ARGS[@]}" -jar quarkus-run.jar </dev/null

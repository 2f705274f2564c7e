#!/bin/bash
# Runs the runtime in Quarkus dev mode on a function folder, for the function's author: save a
# source file and the next execution runs the new code. Not for production: with no
# INTERNAL_RUNTIME_KEY set, the challenge is off.
#
#   ./dev.sh <function folder> [extra Maven arguments, e.g. -Ddebug=5005]
#   ./mvnw quarkus:dev -Dfunction=<function folder>    (the same, through the runtime's pom)
#
#   INTERNAL_RUNTIME_ENTRYPOINT  the entrypoint file, relative to the folder, or to its src/main/java
#                                when it has one (Index.java)
#   QUARKUS_HTTP_PORT            the port to listen on (3000)
#   QUARKUS_HTTP_HOST            the address to listen on: 127.0.0.1 (this machine only) while the
#                                challenge is off, 0.0.0.0 when INTERNAL_RUNTIME_KEY is set
#   OPENRUNTIMES_DEV_WORKSPACE   where the generated project and its classes go
#                                (target/dev/<folder name>-<hash of its path>, under the runtime)
#
# The folder is used in place, never copied or changed: its .java files are a source root of
# the generated project. Its pom.xml is read once, at start: restart after changing it.
set -eu
# Started as `sh dev.sh` where sh is not bash (Debian's dash)? Run again under bash.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"

RUNTIME="$(cd "$(dirname "$0")" && pwd)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
source "$RUNTIME/src/api/install.sh"
source "$RUNTIME/src/build/function-project.sh"

fail() { echo "dev.sh: $*" >&2; exit 1; }
[ $# -ge 1 ] || fail "usage: dev.sh <function folder> [Maven arguments]"
[ -d "$1" ] || fail "function folder not found: $1"
CODE="$(cd "$1" && pwd)"
shift
ENTRYPOINT="${INTERNAL_RUNTIME_ENTRYPOINT:-Index.java}"
# One workspace per folder, so that dev modes on two functions never share classes.
WORKSPACE="${OPENRUNTIMES_DEV_WORKSPACE:-$RUNTIME/target/dev/$(basename "$CODE")-$(printf %s "$CODE" | cksum | cut -d' ' -f1)}"
MAVEN=("$RUNTIME/mvnw" -B -q -Dquarkus.analytics.disabled=true)

mkdir -p "$WORKSPACE"
# For the function's own pom.xml, if it declares the API (its IDE, its `mvn test`).
function_api_install "$RUNTIME" "$WORKSPACE/function-api.log" || exit 1
# Without a key anyone who reaches the port runs the function: only this machine, unless asked.
if [ -n "${INTERNAL_RUNTIME_KEY:-}" ]; then
  export QUARKUS_HTTP_HOST="${QUARKUS_HTTP_HOST:-0.0.0.0}"
else
  export QUARKUS_HTTP_HOST="${QUARKUS_HTTP_HOST:-127.0.0.1}"
fi
CLASS="$(function_project "$RUNTIME" --dev \
  "$RUNTIME" "$CODE" "$ENTRYPOINT" "$WORKSPACE")" || exit 1
echo "dev.sh: serving $CLASS from $CODE on $QUARKUS_HTTP_HOST (workspace $WORKSPACE)"

# No console and no questions (it may run with no terminal, as in CI), no debugger unless asked
# (two dev modes would fight over port 5005), and the caller's arguments last, so they win.
exec "${MAVEN[@]}" -f "$WORKSPACE/pom.xml" quarkus:dev \
  -Dquarkus.console.enabled=false \
  -Ddebug=false \
  "$@" </dev/null

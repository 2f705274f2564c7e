#!/bin/bash
# The start command executors give helpers/start.sh ("bash helpers/server.sh"): replaces this
# shell with the v5 server, so SIGTERM reaches it. An unpacked function folder
# (function/function.properties) is served by the runtime home's runtime (OPENRUNTIMES_RUNTIME_HOME,
# the image's /usr/local/runtime), loading it from OPENRUNTIMES_FUNCTION_DIR; an archive of the
# earlier layout by its own quarkus-app. The flags and the
# class archive are jvm-options.sh's.
#
#   OPEN_RUNTIMES_SERVER_COMMAND  run this instead (with bash -c)
#   OPENRUNTIMES_RUNTIME_DIR      the runtime's scripts, for jvm-options.sh (/usr/local/src)
#   JAVA_OPTS                     extra JVM options, after the defaults
set -eu
# Executors run it with bash; where sh is not bash (Debian's dash), run again under bash.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"

export OPENRUNTIMES_PROTOCOL=v5
if [ -n "${OPEN_RUNTIMES_SERVER_COMMAND:-}" ]; then
  exec bash -c "$OPEN_RUNTIMES_SERVER_COMMAND"
fi
UNPACKED=/usr/local/server/src/function
# shellcheck source=SCRIPTDIR/../../jvm-options.sh
source "${OPENRUNTIMES_RUNTIME_DIR:-/usr/local/src}/jvm-options.sh"
if [ -f "$UNPACKED/function/function.properties" ]; then
  APP="$(runtime_home)/quarkus-app" || { echo "server.sh: the runtime home could not be found or made" >&2; exit 1; }
  export OPENRUNTIMES_FUNCTION_DIR="$UNPACKED/function"
else
  APP="$UNPACKED/quarkus-app"
fi
jvm_flags "$APP"
cd "$APP"
# shellcheck disable=SC2086
exec "$JAVA" "${JVM_FLAGS[@]}" ${JAVA_OPTS:-} -jar quarkus-run.jar

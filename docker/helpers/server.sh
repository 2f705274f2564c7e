#!/bin/bash
# The start command executors give helpers/start.sh ("bash helpers/server.sh"): runs the v5
# server under supervise.sh (started again if it ends; SIGTERM passed on). An unpacked function
# folder (function/function.properties) is served by the runtime home's runtime
# (OPENRUNTIMES_RUNTIME_HOME, the image's /usr/local/runtime), loading it from
# OPENRUNTIMES_FUNCTION_DIR; an archive of the earlier layout by its own quarkus-app. The flags and
# the class archive are jvm-options.sh's.
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
# shellcheck source=SCRIPTDIR/../../supervise.sh
source "${OPENRUNTIMES_RUNTIME_DIR:-/usr/local/src}/supervise.sh"
server_app "$UNPACKED" || case $? in
  1) echo "server.sh: the runtime home could not be found or made" >&2; exit 1 ;;
  *) echo "server.sh: $UNPACKED holds neither function/function.properties nor quarkus-app/quarkus-run.jar: is it the output of helpers/build.sh?" >&2; exit 1 ;;
esac
jvm_flags "$APP"
cd "$APP"
# shellcheck disable=SC2086
supervise "$JAVA" "${JVM_FLAGS[@]}" ${JAVA_OPTS:-} -jar quarkus-run.jar

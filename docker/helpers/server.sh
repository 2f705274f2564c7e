#!/bin/bash
# The start command executors give helpers/start.sh ("bash helpers/server.sh"): runs the v5
# server from the unpacked quarkus-app with the flags (and the class archive trained at build
# time) that jvm-options.sh chooses, under supervise.sh (started again if it ends; SIGTERM passed on).
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
APP=/usr/local/server/src/function/quarkus-app
# shellcheck source=SCRIPTDIR/../../jvm-options.sh
source "${OPENRUNTIMES_RUNTIME_DIR:-/usr/local/src}/jvm-options.sh"
# shellcheck source=SCRIPTDIR/../../supervise.sh
source "${OPENRUNTIMES_RUNTIME_DIR:-/usr/local/src}/supervise.sh"
jvm_flags "$APP"
cd "$APP"
# shellcheck disable=SC2086
supervise "$JAVA" "${JVM_FLAGS[@]}" ${JAVA_OPTS:-} -jar quarkus-run.jar

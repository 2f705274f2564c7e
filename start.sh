#!/bin/bash
# Unpacks what build.sh produced and replaces this shell with the server, so that SIGTERM
# reaches it directly. The JVM's flags, and the class archive build.sh trained for a fast
# start, are chosen in jvm-options.sh.
#
#   INTERNAL_RUNTIME_KEY        the executor's secret (required)
#   OPENRUNTIMES_CODE_ARCHIVE   the build output (/tmp/code.tar.gz, where the executor puts it)
#   OPENRUNTIMES_SERVER_DIR     where to unpack it (/usr/local/function: the image's
#                               /usr/local/server is the v5 lifecycle's)
#   JAVA_OPTS                   extra JVM options, after the defaults
set -eu
# Executors run `sh start.sh`; where sh is not bash (Debian's dash), run again under bash.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"

ARCHIVE="${OPENRUNTIMES_CODE_ARCHIVE:-/tmp/code.tar.gz}"
SERVER="${OPENRUNTIMES_SERVER_DIR:-/usr/local/function}"
source "$(dirname "$0")/jvm-options.sh"

[ -f "$ARCHIVE" ] || { echo "start.sh: build output not found: $ARCHIVE" >&2; exit 1; }
mkdir -p "$SERVER"
# tar keeps the files' times: a class archive is only used with the very jars it was made from.
tar -C "$SERVER" -xzf "$ARCHIVE"

if [ -x "$SERVER/function-runner" ]; then
  exec "$SERVER/function-runner" -Xmx96m
fi

jvm_flags "$SERVER/quarkus-app"
cd "$SERVER/quarkus-app"
# shellcheck disable=SC2086
exec "$JAVA" "${JVM_FLAGS[@]}" ${JAVA_OPTS:-} -jar quarkus-run.jar

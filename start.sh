#!/bin/bash
# Unpacks what build.sh produced and replaces this shell with the server, so that SIGTERM
# reaches it directly.
#
#   INTERNAL_RUNTIME_KEY        the executor's secret (required)
#   OPENRUNTIMES_CODE_ARCHIVE   the build output (/tmp/code.tar.gz, where the executor puts it)
#   OPENRUNTIMES_SERVER_DIR     where to unpack it (/usr/local/server)
#   JAVA_OPTS                   extra JVM options, after the defaults below
set -eu

ARCHIVE="${OPENRUNTIMES_CODE_ARCHIVE:-/tmp/code.tar.gz}"
SERVER="${OPENRUNTIMES_SERVER_DIR:-/usr/local/server}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

[ -f "$ARCHIVE" ] || { echo "start.sh: build output not found: $ARCHIVE" >&2; exit 1; }
mkdir -p "$SERVER"
tar -C "$SERVER" -xzf "$ARCHIVE"

if [ -x "$SERVER/function-runner" ]; then
  exec "$SERVER/function-runner" -Xmx96m
fi

# Sized for a container: heap from the container's memory limit, a collector that stays small,
# and no JVM left limping after an OutOfMemoryError.
exec "$JAVA" \
  -XX:+UseSerialGC \
  -XX:MaxRAMPercentage=70 \
  -XX:+ExitOnOutOfMemoryError \
  -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  ${JAVA_OPTS:-} \
  -jar "$SERVER/quarkus-app/quarkus-run.jar"

#!/bin/bash
# Unpacks what build.sh produced and runs the server under supervise.sh, which starts it again
# if it ends and passes SIGTERM on to it. A function folder (function/function.properties) is
# served by the runtime home's runtime (OPENRUNTIMES_RUNTIME_HOME, see jvm-options.sh), which loads
# it from OPENRUNTIMES_FUNCTION_DIR; an archive of the earlier layout (a whole quarkus-app) by its
# own quarkus-run.jar; a native build by its function-runner. The JVM's flags, and the class archive
# for a fast start, are chosen in jvm-options.sh.
#
#   INTERNAL_RUNTIME_KEY        the executor's secret (required)
#   OPENRUNTIMES_CODE_ARCHIVE   the build output (/tmp/code.tar.gz, where the executor puts it)
#   OPENRUNTIMES_SERVER_DIR     where to unpack it (/usr/local/function: the image's
#                               /usr/local/server is the v5 lifecycle's)
#   JAVA_OPTS                   extra JVM options, after the defaults
set -eu
# Executors run `sh start.sh`; where sh is not bash (Debian's dash), run again under bash.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -o pipefail

ARCHIVE="${OPENRUNTIMES_CODE_ARCHIVE:-/tmp/code.tar.gz}"
SERVER="${OPENRUNTIMES_SERVER_DIR:-/usr/local/function}"
source "$(dirname "$0")/jvm-options.sh"
source "$(dirname "$0")/supervise.sh"

fail() { echo "start.sh: $*" >&2; exit 1; }
[ -f "$ARCHIVE" ] || fail "build output not found: $ARCHIVE"
[ -s "$ARCHIVE" ] || fail "build output is empty: $ARCHIVE"
mkdir -p "$SERVER"
SERVER="$(cd "$SERVER" && pwd)" # the function folder's path must hold from the app's folder
# build.sh packs with zstd (it decodes the 70 MB of jars and class archive in a quarter of
# gzip's time); gzip archives of earlier builds, and plain tar, are still read. Detected by
# the first bytes, not the name: the executor always calls it code.tar.gz. tar keeps the files'
# times: a class archive is only used with the very jars it was made from.
unpack() {
  local magic
  magic="$(od -An -tx1 -N4 "$ARCHIVE")" || return 1
  magic="${magic//[!0-9a-f]/}"
  case "$magic" in
    28b52ffd)
      command -v zstd >/dev/null || fail "$ARCHIVE is zstd-compressed, and zstd is not installed"
      FORMAT=zstd; zstd -dcq <"$ARCHIVE" | tar -C "$SERVER" -xf - ;;
    1f8b*)
      # igzip (ISA-L) inflates the same format 2-3 times faster, where the image has it.
      FORMAT=gzip
      if command -v igzip >/dev/null; then igzip -dc <"$ARCHIVE"; else gzip -dc <"$ARCHIVE"; fi | tar -C "$SERVER" -xf - ;;
    *)
      FORMAT=tar; tar -C "$SERVER" -xf "$ARCHIVE" ;;
  esac
}
STARTED="${EPOCHREALTIME//[!0-9]/}"
unpack || fail "$ARCHIVE could not be unpacked into $SERVER (tar's error above): is it the output of build.sh?"
# One line with the time it took: the start's first cost, and the benchmark's split of it. As
# JSON when the server's own lines are (OPENRUNTIMES_LOG_JSON), for log collectors.
UNPACKED="unpacked ${ARCHIVE##*/} ($FORMAT) in $(( (${EPOCHREALTIME//[!0-9]/} - STARTED) / 1000 )) ms"
if [ "${OPENRUNTIMES_LOG_JSON:-false}" = true ]; then
  UNPACKED="${UNPACKED//\\/\\\\}" # the archive's name may hold a backslash or a quote
  printf '{"timestamp":"%(%Y-%m-%dT%H:%M:%S%z)T","loggerName":"start.sh","level":"INFO","message":"%s"}\n' -1 "${UNPACKED//\"/\\\"}"
else
  echo "start.sh: $UNPACKED"
fi

if [ -x "$SERVER/function-runner" ]; then
  supervise "$SERVER/function-runner" -Xmx96m
fi

server_app "$SERVER" || case $? in
  1) fail "the runtime home could not be found or made" ;;
  *) fail "$ARCHIVE holds neither function/function.properties nor quarkus-app/quarkus-run.jar: is it the output of build.sh?" ;;
esac
jvm_flags "$APP"
cd "$APP"
# shellcheck disable=SC2086
supervise "$JAVA" "${JVM_FLAGS[@]}" ${JAVA_OPTS:-} -jar quarkus-run.jar

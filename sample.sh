#!/bin/bash
# Builds the sample function (src/test/functions/hello) with build.sh and serves it with start.sh
# on port 3000 (QUARKUS_HTTP_PORT to change it), with the key `secret` unless INTERNAL_RUNTIME_KEY
# says otherwise. Everything it writes goes to a fresh folder under /tmp, removed on exit.
#
#   ./sample.sh
#   curl -H 'x-internal-challenge: secret' -d '{"payload":"hi","env":{"GREETING_NAME":"Ada"}}' http://localhost:3000/
set -eu
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"

RUNTIME="$(cd "$(dirname "$0")" && pwd)"
SCRATCH="$(mktemp -d /tmp/openruntimes-sample.XXXXXX)"
trap 'rm -rf "$SCRATCH"' EXIT
cp -r "$RUNTIME/src/test/functions/hello" "$SCRATCH/code"

OPENRUNTIMES_CODE_DIR="$SCRATCH/code" OPENRUNTIMES_WORKSPACE="$SCRATCH/workspace" "$RUNTIME/build.sh"
# Not exec: the trap removes the scratch folder once the server stops (Ctrl-C).
INTERNAL_RUNTIME_KEY="${INTERNAL_RUNTIME_KEY:-secret}" OPENRUNTIMES_CODE_ARCHIVE="$SCRATCH/code/code.tar.gz" \
  OPENRUNTIMES_SERVER_DIR="$SCRATCH/server" "$RUNTIME/start.sh"

#!/bin/bash
# Runs a command with the v5 container's paths, without Docker: in a mount namespace of its own
# (run it under `unshare --mount`, as root, with `--net` too for a private loopback), scratch
# folders are bind-mounted on /usr/local/server (its helpers/ being the repo's), /usr/local/src
# (the runtime), /usr/local/build, /mnt/code, /mnt/logs and /mnt/telemetry. The mount points are
# made in overlays whose layers live in the scratch folder: nothing of the machine's own changes.
# Used by the executor-style tests (Sandbox.java) and the benchmark.
#
#   v5-sandbox.sh <command>     run with bash -c in /usr/local/server
#   SANDBOX                     the scratch folder (server/, build/, overlay layers)
#   SANDBOX_HELPERS, SANDBOX_RUNTIME, SANDBOX_CODE, SANDBOX_LOGS, SANDBOX_TELEMETRY
#                               what /usr/local/server/helpers, /usr/local/src, /mnt/code,
#                               /mnt/logs and /mnt/telemetry show
set -eu
mount --make-rprivate /
for dir in /usr/local /mnt; do
  layer="$SANDBOX/overlay${dir//\//-}"
  mkdir -p "$layer/upper" "$layer/work"
  mount -t overlay overlay -o "lowerdir=$dir,upperdir=$layer/upper,workdir=$layer/work" "$dir"
done
mkdir -p "$SANDBOX/server/helpers" "$SANDBOX/server/src/function" "$SANDBOX/build" \
  /usr/local/server /usr/local/src /usr/local/build /mnt/code /mnt/logs /mnt/telemetry
mount --bind "$SANDBOX/server" /usr/local/server
mount --bind "$SANDBOX_HELPERS" /usr/local/server/helpers
mount --bind "$SANDBOX_RUNTIME" /usr/local/src
mount --bind "$SANDBOX/build" /usr/local/build
mount --bind "$SANDBOX_CODE" /mnt/code
mount --bind "$SANDBOX_LOGS" /mnt/logs
mount --bind "$SANDBOX_TELEMETRY" /mnt/telemetry
ip link set lo up 2>/dev/null || true
cd /usr/local/server
unset SANDBOX SANDBOX_HELPERS SANDBOX_RUNTIME SANDBOX_CODE SANDBOX_LOGS SANDBOX_TELEMETRY
exec bash -c "$1"

#!/bin/bash
# The v5 start, as Open Runtimes executors run it in the serve container, from /usr/local/server:
#   helpers/start.sh "bash helpers/server.sh"
# Unpacks the build's archive from /mnt/code into src/function (or links the tree a `skip` build
# left there), takes the build's settings from its .open-runtimes, then replaces itself with the
# start command: the server prints "HTTP server successfully started!" and appends startup= to
# the timings itself, once its port answers (no pipe between it and the executor).
#
#   OPENRUNTIMES_TELEMETRY_DIR  where timings.txt is appended to (/mnt/telemetry, as the server)
set -eu
# Executors run it with bash; where sh is not bash (Debian's dash), run again under bash.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -o pipefail
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "$0")/lib.sh"
shopt -s dotglob nullglob

CODE=/mnt/code
FUNCTION=/usr/local/server/src/function
TELEMETRY="${OPENRUNTIMES_TELEMETRY_DIR:-/mnt/telemetry}"
TIMINGS="$TELEMETRY/timings.txt"

empty_function() { mkdir -p "$FUNCTION" && find "$FUNCTION" -mindepth 1 -delete; }

# A `skip` build left its tree in /mnt/code: link its entries instead of copying anything.
link_tree() {
  local entry
  empty_function || return 1
  for entry in "$CODE"/*; do
    case "${entry##*/}" in .extracted|code.sqfs|code.tar|code.tar.gz|code.gz) continue ;; esac
    ln -s "$entry" "$FUNCTION/" || return 1
  done
}

# Detected by the first four bytes, never by the name: executors rename the archives.
unpack() {
  local archive="$1" magic
  magic="$(od -An -tx1 -N4 "$archive")"
  magic="${magic//[!0-9a-f]/}"
  empty_function
  case "$magic" in
    1f8b*)
      log "Unpacking ${archive##*/} (gzip)"
      # igzip (ISA-L) inflates several times faster than gzip; same format.
      if command -v igzip >/dev/null; then igzip -dc <"$archive"; else gzip -dc <"$archive"; fi | tar -C "$FUNCTION" -xf - ;;
    28b52ffd)
      log "Unpacking ${archive##*/} (zstd)"
      zstd -dcq <"$archive" | tar -C "$FUNCTION" -xf - ;;
    68737173)
      log "Unpacking ${archive##*/} (squashfs)"
      unsquashfs -q -n -f -d "$FUNCTION" "$archive" >/dev/null ;;
    *)
      log "Unpacking ${archive##*/} (tar)"
      tar -C "$FUNCTION" -xf "$archive" ;;
  esac
}

first_archive() {
  local name
  for name in "${ARCHIVES[@]}"; do
    [ -f "$CODE/$name" ] && { echo "$CODE/$name"; return 0; }
  done
  return 1
}

mkdir -p "$TELEMETRY" 2>/dev/null || true # record() says so if it cannot write there
log "Code extraction started."
started="$(now_us)"
if [ -e "$CODE/.extracted" ] && link_tree; then
  record symlink "$started" "$TIMINGS"
else
  [ -e "$CODE/.extracted" ] && log "Linking the built tree failed: unpacking an archive instead."
  archive="$(first_archive)" || fail "Code archive not found."
  unpack "$archive"
  record extract "$started" "$TIMINGS"
fi
log "Code extraction finished."

# Upstream's prepare step, timed as prepare= (the executor's telemetry expects it): ours is only
# the build's settings, written at build time: its OPEN_RUNTIMES_ENTRYPOINT wins over the one given at start.
started="$(now_us)"
if [ -f "$FUNCTION/.open-runtimes" ]; then
  set -a
  # shellcheck disable=SC1091
  source "$FUNCTION/.open-runtimes"
  set +a
fi
record prepare "$started" "$TIMINGS"

success "Runtime started."
OPENRUNTIMES_START_EPOCH_MS="$(( $(now_us) / 1000 ))"
export OPENRUNTIMES_START_EPOCH_MS
cd /usr/local/server
exec bash -c "${1:-bash helpers/server.sh}"

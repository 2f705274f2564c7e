# shellcheck shell=bash
# Sourced by helpers/build.sh: the executor's build cache (contract-v5 2.6). Before the build,
# the cache artefact (a squashfs image) is unpacked into the cache root, for the install command
# to use; after a build that worked, the root is packed back. Neither ever fails the build.
# The runtime's own build needs nothing from it: the Maven repository is baked into the image.
#
#   OPEN_RUNTIMES_BUILD_CACHE_ROOT                 the folder (/usr/local/cache/build)
#   OPEN_RUNTIMES_BUILD_CACHE_ARTIFACT             the artefact (/cache/stores.sqfs)
#   OPEN_RUNTIMES_BUILD_CACHE_MAX_SIZE_BYTES       no save past this size (none)
#   OPEN_RUNTIMES_BUILD_CACHE_SAVE_TIMEOUT_SECONDS no save that takes longer (none)

CACHE_ROOT="${OPEN_RUNTIMES_BUILD_CACHE_ROOT:-/usr/local/cache/build}"
CACHE_ARTIFACT="${OPEN_RUNTIMES_BUILD_CACHE_ARTIFACT:-/cache/stores.sqfs}"
export OPEN_RUNTIMES_BUILD_CACHE_ROOT="$CACHE_ROOT"

cache_restore() {
  mkdir -p "$CACHE_ROOT" 2>/dev/null || { log "Build cache skipped: $CACHE_ROOT cannot be made."; return 0; }
  if ! command -v unsquashfs >/dev/null; then
    log "Build cache skipped: unsquashfs is not installed."
  elif [ ! -f "$CACHE_ARTIFACT" ]; then
    log "Build cache miss."
  elif unsquashfs -f -no-xattrs -q -d "$CACHE_ROOT" "$CACHE_ARTIFACT" >/dev/null 2>&1; then
    log "Build cache restored from $CACHE_ARTIFACT ($(du -sh "$CACHE_ARTIFACT" | cut -f1))."
  else
    find "$CACHE_ROOT" -mindepth 1 -delete 2>/dev/null || true
    log "Build cache unreadable: starting from an empty cache."
  fi
}

# What the cache holds, in one line: names, sizes and times of its files.
cache_fingerprint() {
  (cd "$CACHE_ROOT" 2>/dev/null && find . -printf '%P %s %T@\n' | LC_ALL=C sort | sha256sum | cut -c1-64)
}

# $1: the fingerprint taken after the restore; the same now means nothing to save.
cache_save() {
  local timeout=() size
  command -v mksquashfs >/dev/null || { log "Build cache not saved: mksquashfs is not installed."; return 0; }
  [ -d "$CACHE_ROOT" ] && [ -n "$(ls -A "$CACHE_ROOT" 2>/dev/null)" ] || { log "Build cache unchanged: nothing cached."; return 0; }
  if [ -f "$CACHE_ARTIFACT" ] && [ "$(cache_fingerprint)" = "${1:-}" ]; then
    log "Build cache unchanged."
    return 0
  fi
  [ -z "${OPEN_RUNTIMES_BUILD_CACHE_SAVE_TIMEOUT_SECONDS:-}" ] || timeout=(timeout "$OPEN_RUNTIMES_BUILD_CACHE_SAVE_TIMEOUT_SECONDS")
  mkdir -p "$(dirname "$CACHE_ARTIFACT")" 2>/dev/null || true
  if ! "${timeout[@]}" mksquashfs "$CACHE_ROOT" "$CACHE_ARTIFACT.tmp" -comp lz4 -b 1M -no-xattrs -noappend -quiet >/dev/null 2>&1; then
    rm -f "$CACHE_ARTIFACT.tmp"
    log "Build cache not saved: packing it failed or took too long."
    return 0
  fi
  size="$(stat -c %s "$CACHE_ARTIFACT.tmp")"
  if [ -n "${OPEN_RUNTIMES_BUILD_CACHE_MAX_SIZE_BYTES:-}" ] && [ "$size" -gt "$OPEN_RUNTIMES_BUILD_CACHE_MAX_SIZE_BYTES" ]; then
    rm -f "$CACHE_ARTIFACT.tmp"
    log "Build cache not saved: $size bytes is over OPEN_RUNTIMES_BUILD_CACHE_MAX_SIZE_BYTES."
    return 0
  fi
  if mv "$CACHE_ARTIFACT.tmp" "$CACHE_ARTIFACT" 2>/dev/null; then
    log "Build cache saved: $CACHE_ARTIFACT, $size bytes."
  else
    rm -f "$CACHE_ARTIFACT.tmp"
    log "Build cache not saved: $CACHE_ARTIFACT is not writable."
  fi
}

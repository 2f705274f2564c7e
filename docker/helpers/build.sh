#!/bin/bash
# The v5 build, as Open Runtimes executors run it in the build container, from /usr/local/server:
#   helpers/build.sh "<install command>"
# Stages the function into /usr/local/build, runs the install command there, compiles it with the
# runtime's own build.sh (a function folder, as for the classic protocol), then archives
# ./function and ./.open-runtimes for helpers/start.sh.
#
#   OPEN_RUNTIMES_ENTRYPOINT         the entry file, relative to the code (Index.java)
#   OPEN_RUNTIMES_BUILD_INPUT_DIR    the function's code (/mnt/code)
#   OPEN_RUNTIMES_BUILD_OUTPUT_DIR   where the archive is written (/mnt/code)
#   OPEN_RUNTIMES_OUTPUT_DIRECTORY   the folder under /usr/local/build that is archived (empty: all)
#   OPEN_RUNTIMES_BUILD_COMPRESSION  gzip (the default, and for unknown values), none, zstd,
#                                    squashfs, skip (the tree itself, no archive) or auto
#   OPEN_RUNTIMES_BUILD_MANIFEST     opt-in: write a JSON listing of the output there (relative: to
#                                    the output folder); ..._MAX_FILES caps it (10000)
#   OPENRUNTIMES_RUNTIME_DIR         the runtime: its sources and build.sh (/usr/local/src)
#   OPENRUNTIMES_RUNTIME_HOME        the runtime home build.sh compiles against (the image's /usr/local/runtime)
#   OPENRUNTIMES_WORKSPACE           the runtime build's scratch folder (/usr/workspace)
set -eu
# Executors run it with bash; where sh is not bash (Debian's dash), run again under bash.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -o pipefail
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "$0")/lib.sh"
# shellcheck source=SCRIPTDIR/build-cache.sh
source "$(dirname "$0")/build-cache.sh"
shopt -s dotglob nullglob

INPUT="${OPEN_RUNTIMES_BUILD_INPUT_DIR:-/mnt/code}"
OUTPUT="${OPEN_RUNTIMES_BUILD_OUTPUT_DIR:-/mnt/code}"
ENTRYPOINT="${OPEN_RUNTIMES_ENTRYPOINT:-Index.java}"
BUILD=/usr/local/build
RESULT="$BUILD${OPEN_RUNTIMES_OUTPUT_DIRECTORY:+/$OPEN_RUNTIMES_OUTPUT_DIRECTORY}"
RUNTIME="${OPENRUNTIMES_RUNTIME_DIR:-/usr/local/src}"
WORKSPACE="${OPENRUNTIMES_WORKSPACE:-/usr/workspace}"
EXCLUDED=()
for name in "${ARCHIVES[@]}"; do EXCLUDED+=("--exclude=./$name"); done

log "Environment preparation started."
(cache_restore) || true
CACHE_RESTORED="$(cache_fingerprint || true)"
if [ ! -d "$INPUT" ] || [ -z "$(ls -A "$INPUT")" ]; then
  fail "No source code found in $INPUT. Make sure the function's files are there."
fi
mkdir -p "$BUILD"
find "$BUILD" -mindepth 1 -delete
# Hidden files too; archives of an earlier build are not the function's code.
tar -C "$INPUT" "${EXCLUDED[@]}" -cf - . | tar -C "$BUILD" -xf -
log "Environment preparation finished."

log "Build command execution started."
(cd "$BUILD" && bash -c "${1:-}") || fail "The install command failed: ${1:-}"
# The same compile as a classic build, left unpacked in the workspace (OPENRUNTIMES_ARCHIVE=none).
(cd "$RUNTIME" && OPENRUNTIMES_CODE_DIR="$BUILD" INTERNAL_RUNTIME_ENTRYPOINT="$ENTRYPOINT" \
  OPENRUNTIMES_PROTOCOL="${OPENRUNTIMES_PROTOCOL:-v5}" OPENRUNTIMES_ARCHIVE=none \
  OPENRUNTIMES_WORKSPACE="$WORKSPACE" bash "$RUNTIME/build.sh") \
  || fail "The build failed: its cause is above."
log "Build command execution finished."

log "Build packaging started."
# Only what the server runs: the sources stay out of the archive.
find "$BUILD" -mindepth 1 -delete
mkdir -p "$RESULT"
mv "$WORKSPACE/function" "$RESULT/function"
[ -n "$(ls -A "$RESULT")" ] || fail "No build output found in $RESULT."

METHOD="${OPEN_RUNTIMES_BUILD_COMPRESSION:-gzip}"
case "$METHOD" in
  gzip|none|zstd|squashfs|skip) ;;
  auto) if [ "$(du -sk "$RESULT" | cut -f1)" -lt 5120 ]; then METHOD=none; else METHOD=gzip; fi ;;
  *) log "Unknown OPEN_RUNTIMES_BUILD_COMPRESSION '$METHOD': using gzip."; METHOD=gzip ;;
esac
printf 'OPEN_RUNTIMES_ENTRYPOINT=%q\nOPEN_RUNTIMES_CLEANUP=%q\nOPEN_RUNTIMES_COMPRESSION=%q\n' \
  "$ENTRYPOINT" "${OPEN_RUNTIMES_CLEANUP:-none}" "$METHOD" >"$RESULT/.open-runtimes"

mkdir -p "$OUTPUT"
# What an earlier build left here would be found first by start.
for name in "${ARCHIVES[@]}" .extracted; do rm -f "$OUTPUT/$name"; done
# Written under a temporary name: an interrupted build never leaves an archive start would take.
case "$METHOD" in
  skip)
    cp -a "$RESULT/." "$OUTPUT/"
    touch "$OUTPUT/.extracted"
    ARCHIVE="$OUTPUT (the tree, not archived)" ;;
  squashfs)
    ARCHIVE="$OUTPUT/code.sqfs"
    mksquashfs "$RESULT" "$ARCHIVE.tmp" -comp lz4 -b 1M -no-xattrs -noappend -quiet -e "${ARCHIVES[@]}" >/dev/null
    mv "$ARCHIVE.tmp" "$ARCHIVE" ;;
  *)
    # Executors expect code.tar.gz whatever the compression: start reads the format from its bytes.
    ARCHIVE="$OUTPUT/code.tar.gz"
    case "$METHOD" in
      none) COMPRESS=() ;;
      zstd) COMPRESS=(-I 'zstd -q -T0') ;;
      # igzip (ISA-L) at its level 1 packs as small as gzip -1, several times faster.
      *) if command -v igzip >/dev/null; then COMPRESS=(-I 'igzip -1'); else COMPRESS=(-I 'gzip -1'); fi ;;
    esac
    tar -C "$RESULT" "${EXCLUDED[@]}" "${COMPRESS[@]}" -cf "$ARCHIVE.tmp" .
    mv "$ARCHIVE.tmp" "$ARCHIVE" ;;
esac
log "Build packaging finished: $ARCHIVE, $METHOD, $(du -sh "${ARCHIVE%% *}" | cut -f1)."

# For orchestrators that look at the output without unpacking it: {"version":1,"files":[...]}.
write_manifest() {
  local target="$1"
  case "$target" in /*) ;; *) target="$RESULT/$target" ;; esac
  mkdir -p "$(dirname "$target")"
  (cd "$RESULT" && find . -name node_modules -prune -o -type f -print) | LC_ALL=C sort \
    | awk -v max="${OPEN_RUNTIMES_BUILD_MANIFEST_MAX_FILES:-10000}" -v self="${target#"$RESULT"/}" '
        { sub(/^\.\//, "") }
        /^code\.(sqfs|tar|tar\.gz|gz)$/ || $0 == self || $0 == self ".tmp" || ++n > max { next }
        { gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); files = files (n > 1 ? "," : "") "\"" $0 "\"" }
        END { printf "{\"version\":1,\"files\":[%s]}\n", files }' >"$target.tmp" &&
  mv "$target.tmp" "$target"
}
if [ -n "${OPEN_RUNTIMES_BUILD_MANIFEST:-}" ]; then
  # Best effort: a manifest that cannot be written never fails a build that worked.
  (write_manifest "$OPEN_RUNTIMES_BUILD_MANIFEST") || error "The build manifest could not be written to $OPEN_RUNTIMES_BUILD_MANIFEST."
fi
(cache_save "$CACHE_RESTORED") || true
success "Build finished."

#!/bin/bash
# The tools a v5 executor's image has and the helpers use (docker/local-base-image.sh lists the
# same), installed on this machine from Debian's packages when one is missing, so that the v5
# tests run on a fresh machine. Idempotent: does nothing when every tool is there.
set -eu

declare -A PACKAGE=([zstd]=zstd [mksquashfs]=squashfs-tools [unsquashfs]=squashfs-tools [igzip]=isal [zip]=zip
  [unzip]=unzip [script]=bsdutils)
missing=()
for tool in "${!PACKAGE[@]}"; do
  command -v "$tool" >/dev/null || missing+=("${PACKAGE[$tool]}")
done
[ ${#missing[@]} -gt 0 ] || exit 0
mapfile -t missing < <(printf "%s\n" "${missing[@]}" | sort -u)

export DEBIAN_FRONTEND=noninteractive
echo "executor-tools: installing ${missing[*]}"
apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
  || { apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null; }

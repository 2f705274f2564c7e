#!/bin/bash
# Build a local stand-in for eclipse-temurin:25-jdk when Docker Hub is unreachable:
# a Debian bookworm minbase rootfs (debootstrap, from the Debian mirror apt already uses)
# plus the host's Temurin 25 JDK at the same path the official image uses.
# Idempotent: a no-op if the image exists; the rootfs tarball is cached for re-runs after `docker rmi`.
# Usage: local-base-image.sh [tag]   (or LOCAL_BASE_IMAGE=tag)
set -eu

TAG="${1:-${LOCAL_BASE_IMAGE:-openruntimes-local/temurin:25-jdk}}"
JDK="${HOST_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}"
CACHE=/var/cache/openruntimes
# What the image adds to minbase (tar, gzip, bash, od, awk and util-linux's `script` are in it):
# TLS roots, ps/top for debugging, and the tools Open Runtimes executors and the v5 lifecycle use
# (zstd, squashfs, zip; isal's igzip, a SIMD gunzip, unpacks code.tar.gz fastest).
PACKAGES="ca-certificates,procps,zstd,squashfs-tools,isal,zip,unzip"
# Named by its package list: a cache made for another list is never reused. The image carries
# the same key as a label, so an image built from an older list is rebuilt too.
KEY="$(printf %s "$PACKAGES" | sha256sum | cut -c1-12)"
ROOTFS_TAR="$CACHE/debian-bookworm-minbase-$KEY.tar"

"$(dirname "$0")/ensure-docker.sh"

if [ "$(docker image inspect -f '{{index .Config.Labels "openruntimes.packages"}}' "$TAG" 2>/dev/null)" = "$KEY" ]; then
    echo "$TAG already present"
    exit 0
fi

WORK="$(mktemp -d)"
# --one-file-system: never follow a /proc left mounted by a failed debootstrap into the host.
trap 'rm -rf --one-file-system "$WORK"' EXIT
ROOTFS="$WORK/rootfs"

if [ ! -f "$ROOTFS_TAR" ]; then
    export DEBIAN_FRONTEND=noninteractive
    # Refresh package lists only if the install fails (a fresh CI machine may have none).
    command -v debootstrap >/dev/null 2>&1 || apt-get install -y -q debootstrap \
        || { apt-get update -q && apt-get install -y -q debootstrap; }
    # Reuse the mirror apt is configured with (only that one may be reachable in CI).
    MIRROR="${DEBIAN_MIRROR:-$(grep -hsE '^(deb |URIs:)' /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources \
        | grep -oE 'https?://[^ ]+/debian/?( |$)' | head -n1 | tr -d ' ')}"
    MIRROR="${MIRROR:-http://deb.debian.org/debian}"
    echo "debootstrap bookworm from $MIRROR"
    debootstrap --variant=minbase --include="$PACKAGES" bookworm "$ROOTFS" "$MIRROR"
    chroot "$ROOTFS" apt-get clean
    rm -rf "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/var/cache/apt/*.bin "$ROOTFS"/var/log/*.log
    # Slim like debian:*-slim: drop man pages, translations and docs (keep licenses), ~50 MB.
    rm -rf "$ROOTFS"/usr/share/man/* "$ROOTFS"/usr/share/info/* "$ROOTFS"/usr/share/locale/*
    find "$ROOTFS/usr/share/doc" -type f ! -name copyright -delete
    mkdir -p "$CACHE"
    # Write then rename, so an interrupted run never leaves a truncated cache behind.
    tar -C "$ROOTFS" -cf "$ROOTFS_TAR.tmp" .
    mv "$ROOTFS_TAR.tmp" "$ROOTFS_TAR"
else
    mkdir -p "$ROOTFS"
    tar -C "$ROOTFS" -xf "$ROOTFS_TAR"
fi

# The JDK is added per build (not cached) so a host JDK update is picked up.
# -L: the host JDK's lib/security/cacerts is a symlink into /etc/ssl/certs/java, absent in the image.
mkdir -p "$ROOTFS/opt/java"
cp -aL "$JDK" "$ROOTFS/opt/java/openjdk"

tar -C "$ROOTFS" -c . | docker import \
    --change 'ENV JAVA_HOME=/opt/java/openjdk' \
    --change 'ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'CMD ["jshell"]' \
    --change "LABEL openruntimes.packages=$KEY" \
    - "$TAG"

echo "Built $TAG ($(docker image ls "$TAG" --format '{{.Size}}'))"

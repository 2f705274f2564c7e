#!/bin/bash
# Builds the runtime's images from this repository and tags them as they are published:
#   <IMAGE>:<VERSION>-jvm           build and serve on the JVM (the default)
#   <IMAGE>:<VERSION>-native-build  build a native binary (Mandrel)
#   <IMAGE>:<VERSION>-native        serve a native binary
#
#   docker/build-image.sh [jvm|native|all] [docker build options...]
#
#   IMAGE          the repository (openruntimes/java-quarkus)
#   VERSION        the tag's prefix (the runtime's version, from pom.xml)
#   BASE_IMAGE     the JVM image's base, a JDK (eclipse-temurin:25-jdk)
#   BUILDER_IMAGE  the native build image's base, a Mandrel builder (see Dockerfile.native)
#   RUNTIME_IMAGE  the native serve image's base (see Dockerfile.native)
set -eu

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VARIANT="${1:-jvm}"
[ $# -gt 0 ] && shift
IMAGE="${IMAGE:-openruntimes/java-quarkus}"
VERSION="${VERSION:-$(sed -n 's:^    <version>\(.*\)</version>$:\1:p' "$ROOT/pom.xml" | head -n 1)}"

# Only the arguments that are set: the Dockerfiles' defaults stand otherwise.
arg() { [ -z "${!1:-}" ] || echo "--build-arg=$1=${!1}"; }

jvm() {
  echo "Building $IMAGE:$VERSION-jvm"
  docker build -f "$ROOT/docker/Dockerfile" $(arg BASE_IMAGE) -t "$IMAGE:$VERSION-jvm" "$@" "$ROOT"
}

native() {
  echo "Building $IMAGE:$VERSION-native-build and $IMAGE:$VERSION-native"
  docker build -f "$ROOT/docker/Dockerfile.native" --target build $(arg BUILDER_IMAGE) \
    -t "$IMAGE:$VERSION-native-build" "$@" "$ROOT"
  docker build -f "$ROOT/docker/Dockerfile.native" $(arg BUILDER_IMAGE) $(arg RUNTIME_IMAGE) \
    -t "$IMAGE:$VERSION-native" "$@" "$ROOT"
}

case "$VARIANT" in
  jvm) jvm "$@" ;;
  native) native "$@" ;;
  all) jvm "$@" && native "$@" ;;
  *) echo "usage: $0 [jvm|native|all] [docker build options...]" >&2; exit 2 ;;
esac

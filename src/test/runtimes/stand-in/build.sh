#!/bin/bash
# Stands in for the runtime's build.sh where V5LifecycleTest checks packing and unpacking: writes a
# small function folder in a blink instead of compiling one (the real build.sh runs in that test's
# RealBuild and Serve cases). It records what helpers/build.sh handed it, gives one file a known
# time (the archive formats must keep it), and fails as a compile error does when the function
# holds a file named FAIL.
set -eu
WORKSPACE="${OPENRUNTIMES_WORKSPACE:-/usr/workspace}"
FUNCTION="$WORKSPACE/function"
mkdir -p "$WORKSPACE"
{
  echo "cwd=$PWD"
  echo "OPENRUNTIMES_CODE_DIR=${OPENRUNTIMES_CODE_DIR:-}"
  echo "INTERNAL_RUNTIME_ENTRYPOINT=${INTERNAL_RUNTIME_ENTRYPOINT:-}"
  echo "OPENRUNTIMES_PROTOCOL=${OPENRUNTIMES_PROTOCOL:-}"
  echo "OPENRUNTIMES_ARCHIVE=${OPENRUNTIMES_ARCHIVE:-}"
  echo "staged=$(cd "$OPENRUNTIMES_CODE_DIR" && find . -mindepth 1 | sort | tr '\n' ' ')"
} >"$WORKSPACE/handoff.txt"
if [ -e "$OPENRUNTIMES_CODE_DIR/FAIL" ]; then
  echo "build.sh: the function does not compile (errors above, with file and line)" >&2
  exit 1
fi
rm -rf "$FUNCTION"
mkdir -p "$FUNCTION/classes" "$FUNCTION/lib"
echo "class=Index" >"$FUNCTION/function.properties"
echo "function" >"$FUNCTION/classes/Index.class"
# Random bytes do not compress: STAND_IN_SIZE_KB sizes the output for the `auto` rows.
head -c "${STAND_IN_SIZE_KB:-16}K" /dev/urandom >"$FUNCTION/lib/dependency.jar"
touch -d '2020-01-02T03:04:05Z' "$FUNCTION/function.properties"

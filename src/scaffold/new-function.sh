#!/bin/bash
# Creates a function folder: a Maven project that build.sh builds, dev.sh serves live, an IDE
# opens and `mvn test` tests, with an entrypoint, a resource, a passing unit test and a .gitignore.
#
#   src/scaffold/new-function.sh [--v5] <new folder>
#
# Classic by default (main(Request req, Response res), build.sh/start.sh); --v5 writes a function
# of the v5 API (main(RuntimeContext context), helpers/build.sh, what Appwrite runs). The two share
# the template's pom.xml, resource and .gitignore; template-v5 holds the v5 function and its test.
#
# Its pom.xml depends on the function API artifact, which this script installs into the local
# Maven repository first (as build.sh and dev.sh do), so the new project resolves at once.
set -eu
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"

RUNTIME="$(cd "$(dirname "$0")/../.." && pwd)"
fail() { echo "new-function.sh: $*" >&2; exit 1; }
API=classic
[ "${1:-}" != --v5 ] || { API=v5; shift; }
[ $# -eq 1 ] || fail "usage: src/scaffold/new-function.sh [--v5] <new folder>"
TARGET="$1"
[ ! -e "$TARGET" ] || [ -z "$(ls -A "$TARGET")" ] || fail "$TARGET exists and is not empty"
# The folder's name as a Maven artifactId: lower case, letters, digits, '-', '.', '_'.
NAME="$(basename "$TARGET" | tr '[:upper:]' '[:lower:]' | tr -c 'a-z0-9._\n-' '-')"
API_VERSION="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$RUNTIME/src/api/pom.xml" | head -n 1)"

source "$RUNTIME/src/api/install.sh"
mkdir -p "$TARGET"
LOG="$(mktemp)"
function_api_install "$RUNTIME" "$LOG" || fail "the function API could not be installed"
rm -f "$LOG"
cp -R "$RUNTIME/src/scaffold/template/." "$TARGET/"
[ "$API" = classic ] || cp -R "$RUNTIME/src/scaffold/template-$API/." "$TARGET/"
sed -i -e "s/@NAME@/$NAME/" -e "s/@API_VERSION@/$API_VERSION/" "$TARGET/pom.xml"

DIR="$(cd "$TARGET" && pwd)"
PROTOCOL=""
[ "$API" = classic ] || PROTOCOL="OPENRUNTIMES_PROTOCOL=$API "
cat <<TEXT
Created $DIR ($API API)
  src/main/java/Index.java        the function (the entrypoint Index.java finds it)
  src/main/resources/greeting.txt on its class path
  src/test/java/IndexTest.java    its unit test
Next:
  (cd $DIR && $RUNTIME/mvnw test)               run the unit test
  $RUNTIME/dev.sh $DIR                          serve it, reloading on save
  ${PROTOCOL}OPENRUNTIMES_CODE_DIR=$DIR $RUNTIME/build.sh
                                                build it as the executor does (v5: helpers/build.sh in the image)
TEXT

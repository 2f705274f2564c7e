# Sourced by build.sh and dev.sh: installs the function API artifact (src/api/pom.xml) into the
# local Maven repository when it is missing there or was built from other sources than these, so
# that a function's pom.xml can declare it (for its IDE and its own `mvn test`) and build offline.
# Which sources: a checksum of them beside the jar (.sources), not the files' times, since two
# checkouts of different versions share the local repository. A local repository other than
# ~/.m2/repository (MAVEN_REPO_LOCAL) is checked where it says.

# The installed jar's path (installed or not).
function_api_jar() { # <runtime root>
  local version
  version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$1/src/api/pom.xml" | head -n 1)"
  echo "${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}/io/openruntimes/function-api/$version/function-api-$version.jar"
}

# One checksum of everything the API jar is built from.
function_api_sources() { # <runtime root>
  local main="$1/src/main"
  cat "$1/src/api/pom.xml" "$main/resources/META-INF/openruntimes/function-api.properties" \
    "$main/java/io/openruntimes/quarkus/"{Request,Response,Json}.java "$main/java/io/openruntimes/java/"*.java 2>/dev/null \
    | cksum | cut -d' ' -f1
}

function_api_install() { # <runtime root> <log file>
  local runtime="$1" log="$2" jar sources
  jar="$(function_api_jar "$runtime")"
  sources="$(function_api_sources "$runtime")"
  if [ -f "$jar" ] && [ "$(cat "$jar.sources" 2>/dev/null)" = "$sources" ]; then
    return 0
  fi
  echo "Installing the function API ${jar##*/} into the local Maven repository"
  "$runtime/mvnw" -B -q -Dquarkus.analytics.disabled=true ${MAVEN_REPO_LOCAL:+-Dmaven.repo.local="$MAVEN_REPO_LOCAL"} \
    -f "$runtime/src/api/pom.xml" install >"$log" 2>&1 \
    || { cat "$log" >&2; echo "could not install the function API (Maven's output above)" >&2; return 1; }
  echo "$sources" >"$jar.sources"
}

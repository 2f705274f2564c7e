# Sourced by build.sh and dev.sh: installs the function API artifact (src/api/pom.xml) into the
# local Maven repository when it is missing there or older than its sources, so that a
# function's pom.xml can declare it (for its IDE and its own `mvn test`) and build offline.
# A local repository other than ~/.m2/repository (MAVEN_REPO_LOCAL) is checked where it says.

# The installed jar's path (installed or not).
function_api_jar() { # <runtime root>
  local version
  version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$1/src/api/pom.xml" | head -n 1)"
  echo "${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}/io/openruntimes/function-api/$version/function-api-$version.jar"
}

function_api_install() { # <runtime root> <log file>
  local runtime="$1" log="$2" jar
  jar="$(function_api_jar "$runtime")"
  if [ -f "$jar" ] && [ -z "$(find "$runtime/src/api/pom.xml" "$runtime/src/main/java/io/openruntimes/quarkus/Request.java" \
      "$runtime/src/main/java/io/openruntimes/quarkus/Response.java" "$runtime/src/main/java/io/openruntimes/quarkus/Json.java" \
      $( [ -d "$runtime/src/main/java/io/openruntimes/java" ] && echo "$runtime/src/main/java/io/openruntimes/java") \
      -newer "$jar" -print -quit)" ]; then
    return 0
  fi
  echo "Installing the function API ${jar##*/} into the local Maven repository"
  "$runtime/mvnw" -B -q -Dquarkus.analytics.disabled=true ${MAVEN_REPO_LOCAL:+-Dmaven.repo.local="$MAVEN_REPO_LOCAL"} \
    -f "$runtime/src/api/pom.xml" install >"$log" 2>&1 \
    || { cat "$log" >&2; echo "could not install the function API (Maven's output above)" >&2; return 1; }
}

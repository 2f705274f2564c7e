# Sourced by build.sh and dev.sh: runs FunctionProject (the function folder as a Maven project).
# It is one JDK-only source file; the source launcher would compile it on every build (2-4 s on
# two cores), so it is compiled once into the runtime's target folder, again only when the source
# is newer, and run from there. Compiled into a fresh folder, then renamed: two builds at once
# never run a half-written class.

function_project() { # <runtime root> <FunctionProject's arguments...>
  local runtime="$1" source classes fresh
  shift
  source="$runtime/src/main/java/io/openruntimes/quarkus/build/FunctionProject.java"
  classes="$runtime/target/function-project"
  if [ ! -f "$classes/.compiled" ] || [ "$source" -nt "$classes/.compiled" ]; then
    mkdir -p "$runtime/target"
    fresh="$(mktemp -d "$runtime/target/function-project.XXXXXX")"
    "${JAVA%java}javac" -nowarn -d "$fresh" "$source" >&2 || { rm -rf "$fresh"; return 1; }
    touch "$fresh/.compiled"
    rm -rf "$classes" && mv "$fresh" "$classes" 2>/dev/null || rm -rf "$fresh"
  fi
  "$JAVA" -cp "$classes" io.openruntimes.quarkus.build.FunctionProject "$@"
}

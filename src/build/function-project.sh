# Sourced by build.sh (and any script that runs the function builder, src/build/java).
# The builder is JDK-only sources; compiling them on every build would cost seconds on two cores,
# so they are compiled once into the runtime's target folder, again only when a source (or this
# recipe) is newer, and run from there. Compiled into a fresh folder, then renamed: two builds at
# once never run a half-written class.

function_builder_classes() { # <runtime root>: prints the folder of the builder's compiled classes
  local runtime="$1" java="${JAVA:-java}" sources classes fresh
  sources="$runtime/src/build/java"
  classes="$runtime/target/function-project"
  # Stale when a source or this recipe changed since, or a source was added or removed (its folder changed).
  if [ ! -f "$classes/.compiled" ] || [ "${BASH_SOURCE[0]}" -nt "$classes/.compiled" ] \
      || [ -n "$(find "$sources" -newer "$classes/.compiled" -print -quit)" ]; then
    mkdir -p "$runtime/target"
    fresh="$(mktemp -d "$runtime/target/function-project.XXXXXX")"
    # --release 17: the classes run on every JDK the runtime supports, whichever compiled them.
    find "$sources" -name '*.java' >"$fresh/.sources"
    "${java%java}javac" -nowarn --release 17 -d "$fresh" "@$fresh/.sources" >&2 || { rm -rf "$fresh"; return 1; }
    rm -f "$fresh/.sources"
    touch "$fresh/.compiled"
    rm -rf "$classes" && mv "$fresh" "$classes" 2>/dev/null || rm -rf "$fresh"
  fi
  echo "$classes"
}

function_project() { # <runtime root> then the builder's native arguments (runtime root, code, entrypoint, workspace): the native project
  local runtime="$1" classes
  shift
  classes="$(function_builder_classes "$runtime")" || return 1
  "${JAVA:-java}" -cp "$classes" io.openruntimes.build.FunctionBuilder native "$@"
}

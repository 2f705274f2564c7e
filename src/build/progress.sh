# Sourced by build.sh: progress a person can follow on a slow first build. Each step prints
# what it does, then how long it took; Maven's output goes to a log file, and of it only the
# downloads show, one short line per jar, so a first build's minutes of downloading are visible
# without the flood of Maven's own lines.

now_ms() { date +%s%3N; }
BUILD_STARTED="$(now_ms)"
STEP_STARTED=""

elapsed() { # <start, ms>: the time since, as "12.3 s"
  local ms=$(( $(now_ms) - $1 ))
  printf '%d.%d s' $((ms / 1000)) $((ms % 1000 / 100))
}

# Ends the running step (if any) with its duration.
step_done() {
  [ -z "$STEP_STARTED" ] || echo "  ... $(elapsed "$STEP_STARTED")"
  STEP_STARTED=""
}

# Ends the running step and starts the next one.
step() {
  step_done
  echo "$*"
  STEP_STARTED="$(now_ms)"
}

# Maven's output on stdin: all of it into <log>, and a line per downloaded jar on stdout.
maven_progress() { # <log>
  tee "$1" | awk '
    /^(\[INFO\] )?Downloaded from / {
      files++
      if ($0 ~ /\.jar \(/) {
        name = $0; sub(/ \(.*/, "", name); sub(/.*\//, "", name)
        size = $0; sub(/.*\(/, "", size); sub(/ at .*/, "", size); sub(/\)$/, "", size)
        printf "  downloaded %s (%s)\n", name, size; fflush()
      }
    }
    END { if (files) printf "  Maven downloaded %d files (jars shown; all in the log)\n", files }'
}

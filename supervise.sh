# shellcheck shell=bash
# Sourced by start.sh and helpers/server.sh: `supervise <command...>` runs the server as a child
# of this shell, which stays the container's main process, and starts it again whenever it ends
# without the container being stopped: a function's System.exit, HeapGuard's exit (status 3), a
# JVM crash, the kernel's OOM killer. The executor never restarts a runtime whose process ended;
# it keeps sending executions that fail. One line says why it ended (status or signal) and how
# many restarts there have been. A server that dies again soon after its start backs off (0.5 s,
# doubling to 4 s at most) rather than spinning; one that lived 10 s is restarted at once.
# SIGTERM and SIGINT stop it as before: the server gets SIGTERM (its drain), and this shell exits
# with its status once it has. A first start that ends before the server listened failed to start
# (no key, a build that does not match): it is not started again, and this shell exits with its status.
#
#   OPENRUNTIMES_RESTARTS        given to each start: the restarts before it (a meter when metrics are on)
#   OPENRUNTIMES_START_EPOCH_MS  when set (v5: the server appends startup= from it), set again for each restart
#   OPENRUNTIMES_READY_FILE      given to each start: the server creates it once it listens (observe/ReadyMarker)

SUPERVISE_LIVED_ENOUGH_MS=10000

supervise() {
  local restarts=0 quick=0 status started lived delay_ms why
  SUPERVISED_STOP=""
  # A background job of a shell without job control starts with SIGINT ignored, which the JVM
  # then leaves ignored: both signals reach it as SIGTERM, the one it drains on.
  trap 'supervise_stop TERM' TERM
  trap 'supervise_stop INT' INT
  export OPENRUNTIMES_READY_FILE="${TMPDIR:-/tmp}/openruntimes-ready.$$"
  while :; do
    rm -f "$OPENRUNTIMES_READY_FILE"
    started="$(supervise_now_ms)"
    OPENRUNTIMES_RESTARTS=$restarts "$@" &
    SUPERVISED_PID=$!
    [ -z "$SUPERVISED_STOP" ] || kill -TERM "$SUPERVISED_PID" # the signal came as the last one ended
    SUPERVISED_STATUS=$((128 + 15))
    supervise_wait
    status=$SUPERVISED_STATUS
    [ -z "$SUPERVISED_STOP" ] || exit "$status"
    if [ "$restarts" = 0 ] && [ ! -e "$OPENRUNTIMES_READY_FILE" ]; then
      supervise_log "the server ended (exit status $status) before it started: not started again"
      exit "$status"
    fi
    rm -f "$OPENRUNTIMES_READY_FILE"
    lived=$(( $(supervise_now_ms) - started ))
    if [ "$lived" -ge "$SUPERVISE_LIVED_ENOUGH_MS" ]; then quick=0; else quick=$((quick + 1)); fi
    delay_ms=0
    [ "$quick" -lt 2 ] || delay_ms=$(( 500 << (quick < 5 ? quick - 2 : 3) ))
    restarts=$((restarts + 1))
    if [ "$status" -gt 128 ]; then why="signal $(kill -l "$((status - 128))" 2>/dev/null || echo "$((status - 128))")"
    else why="exit status $status"; fi
    supervise_log "the server ended ($why) after $(supervise_seconds "$lived") s; starting it again$(
      [ "$delay_ms" = 0 ] || echo " in $(supervise_seconds "$delay_ms") s") (restart $restarts)"
    if [ "$delay_ms" -gt 0 ]; then
      sleep "$(supervise_seconds "$delay_ms")" &
      SUPERVISED_PID=$!
      wait "$SUPERVISED_PID" 2>/dev/null || true # a signal ends the wait at once
      [ -z "$SUPERVISED_STOP" ] || exit $((128 + $(kill -l "$SUPERVISED_STOP")))
    fi
    [ -z "${OPENRUNTIMES_START_EPOCH_MS:-}" ] || OPENRUNTIMES_START_EPOCH_MS="$(supervise_now_ms)"
  done
}

supervise_stop() {
  SUPERVISED_STOP=$1
  kill -TERM "$SUPERVISED_PID" 2>/dev/null || true
}

# The server's exit status, in SUPERVISED_STATUS. `wait` returns early when a trapped signal
# arrives (the trap forwards it): then it waits again, until the server itself has ended.
supervise_wait() {
  local status stop_before
  while :; do
    stop_before="$SUPERVISED_STOP"
    status=0
    # `|| status=$?`: the scripts that source this run under set -e; 2>/dev/null: bash's "Killed" notice
    wait "$SUPERVISED_PID" 2>/dev/null || status=$?
    # 127: the server's end was already reported, as the signal came
    [ "$status" = 127 ] || SUPERVISED_STATUS=$status
    [ "$SUPERVISED_STOP" != "$stop_before" ] || return 0
  done
}

supervise_seconds() { printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)); } # from milliseconds

supervise_now_ms() { echo $(( ${EPOCHREALTIME//[!0-9]/} / 1000 )); }

# One line on standard error, as JSON when the server's own lines are (OPENRUNTIMES_LOG_JSON).
supervise_log() {
  if [ "${OPENRUNTIMES_LOG_JSON:-false}" = true ]; then
    printf '{"timestamp":"%(%Y-%m-%dT%H:%M:%S%z)T","loggerName":"supervise.sh","level":"WARN","message":"%s"}\n' -1 "$1" >&2
  else
    printf '%(%H:%M:%S)T WARN  [supervise.sh] %s\n' -1 "$1" >&2
  fi
}

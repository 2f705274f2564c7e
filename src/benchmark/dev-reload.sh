#!/bin/bash
# Dev mode's reload time (docs/dev-mode.md), as a function's author sees it: ./dev.sh on a small
# function of each API, then save an edit and call at once, BENCH_EDITS times; each time from the
# save to the new code's answer. Prints the median and the slowest of each. Not a test.
#
#   JAVA_HOME     the JDK (default: java on PATH)
#   BENCH_EDITS   edits per API (10), one a second, after the first answer
set -eu

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
EDITS="${BENCH_EDITS:-10}"
SCRATCH="$(mktemp -d)"
PID=""
stop() { [ -z "$PID" ] || { kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null || true; PID=""; }; }
trap 'stop; rm -rf "$SCRATCH"' EXIT
now() { echo "${EPOCHREALTIME//[!0-9]/}"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# <api> <url> <curl arguments...>: serves $SCRATCH/<api>/Index.java, edits "v<n>" in it, calls.
measure() {
  local api="$1" url="$2" port log times=() i started answer
  shift 2
  port="$(free_port)"
  log="$SCRATCH/$api.log"
  QUARKUS_HTTP_PORT="$port" OPENRUNTIMES_DEV_WORKSPACE="$SCRATCH/$api-workspace" \
    "$ROOT/dev.sh" "$SCRATCH/$api" >"$log" 2>&1 &
  PID=$!
  until curl -sf -o /dev/null "$@" "http://127.0.0.1:$port$url"; do
    kill -0 "$PID" 2>/dev/null || { cat "$log" >&2; echo "dev-reload.sh: dev.sh stopped" >&2; exit 1; }
    sleep 0.2
  done
  for i in $(seq 1 "$EDITS"); do
    sleep 1
    sed -i "s/\"v$((i - 1))\"/\"v$i\"/" "$SCRATCH/$api/Index.java"
    started="$(now)"
    answer="$(curl -s "$@" "http://127.0.0.1:$port$url")"
    [[ "$answer" == *"v$i"* ]] || { echo "dev-reload.sh: edit $i of $api answered: $answer" >&2; exit 1; }
    times+=($(( ($(now) - started) / 1000 )))
  done
  stop
  # dev mode's own split of each reload: the compile, and loading the new classes.
  echo "    compile+load ms: $(grep -o 'compile [0-9]* ms, load [0-9]* ms' "$log" | sed 's/compile \([0-9]*\) ms, load \([0-9]*\) ms/\1+\2/' | paste -sd' ')"
  mapfile -t times < <(printf '%s\n' "${times[@]}" | sort -n)
  printf '%-8s median %4d ms   slowest %4d ms   (%d edits: %s)\n' "$api" "${times[$(( EDITS / 2 ))]}" \
    "${times[$(( EDITS - 1 ))]}" "$EDITS" "${times[*]}"
}

mkdir -p "$SCRATCH/v5" "$SCRATCH/classic"
cat >"$SCRATCH/v5/Index.java" <<'JAVA'
import io.openruntimes.java.RuntimeContext;
import io.openruntimes.java.RuntimeOutput;
import java.util.Map;

public class Index {
    public RuntimeOutput main(RuntimeContext context) throws Exception {
        context.log("path", context.getReq().getPath());
        return context.getRes().json(Map.of("version", "v0", "path", context.getReq().getPath()));
    }
}
JAVA
cat >"$SCRATCH/classic/Index.java" <<'JAVA'
import io.openruntimes.quarkus.Request;
import io.openruntimes.quarkus.Response;
import java.util.Map;

public class Index {
    public Response main(Request req, Response res) {
        return res.json(Map.of("version", "v0", "payload", req.getPayload()));
    }
}
JAVA
echo "dev mode: save to answer, $("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -n 1), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
measure v5 "/any/path?x=1"
measure classic "/" -X POST -H 'Content-Type: application/json' -d '{"payload":"bench"}'

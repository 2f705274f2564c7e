#!/bin/bash
# Executions as Open Runtimes' executor sends them (executor-client.c: a new connection each, its
# four headers, the log files read and deleted, the client closing), 8 at a time for $3 seconds on
# $1:$2; with "keep-alive" as $4, the same client on kept connections. Prints
# "req/s p50(ms) p99(ms) non-2xx". BENCH_KEY: the secret; BENCH_LOGGING: enabled (default) or
# disabled; BENCH_LOGS: the folder the runtime writes the log files to.
set -eu

HERE="$(cd "$(dirname "$0")" && pwd)"
CLIENT="${TMPDIR:-/tmp}/openruntimes-executor-client-$(cksum <"$HERE/executor-client.c" | cut -d' ' -f1)"
if [ ! -x "$CLIENT" ]; then
  command -v gcc >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q gcc libc6-dev >/dev/null; }
  gcc -O2 -pthread -o "$CLIENT.$$" "$HERE/executor-client.c" && mv "$CLIENT.$$" "$CLIENT"
fi
exec "$CLIENT" "$1" "$2" 8 "$3" "$BENCH_KEY" "${BENCH_LOGGING:-enabled}" "${BENCH_LOGS:-}" "${4:-}"

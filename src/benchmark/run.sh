#!/bin/bash
# The runtime's performance benchmark (docs/performance.md). Not a test: it prints one table.
#
# Builds two functions (send: res.send("ok"); json: res.json of a small map) with the real
# build.sh, starts each with the real start.sh, and measures cold start to the first 200 (with
# RSS then), RSS after 10,000 executions, and throughput/latency with wrk over loopback. A raw
# Vert.x server doing the same work (baseline/Baseline.java) is measured in the same run as the
# ceiling, and each of our figures is printed as a ratio to it.
#
#   JAVA_HOME           the JDK for build.sh, start.sh and the baseline (default: java on PATH)
#   BENCH_STARTS        cold starts per server, the median is kept (5)
#   BENCH_WARMUP        seconds of load before measuring (10)
#   BENCH_DURATION      seconds of measured load (15), in BENCH_ROUNDS rounds (3), median kept
#   BENCH_CONNECTIONS   wrk connections (32), over BENCH_THREADS wrk threads (2)
#   BASELINE_OPTS       JVM options of the baseline (-XX:+UseSerialGC)
#   BENCH_KEEP          set: keep the scratch folder (builds, server logs) for a look afterwards
set -eu

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
STARTS="${BENCH_STARTS:-5}"
WARMUP="${BENCH_WARMUP:-10}"
DURATION="${BENCH_DURATION:-15}"
ROUNDS="${BENCH_ROUNDS:-3}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
THREADS="${BENCH_THREADS:-2}"
BASELINE_OPTS="${BASELINE_OPTS:--XX:+UseSerialGC}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAVAC="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
export BENCH_KEY="bench-$RANDOM$RANDOM"

command -v wrk >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }

declare -A PID # the servers running now, by kind (ours, base)
WORK="$(mktemp -d /tmp/openruntimes-bench.XXXXXX)"
cleanup() {
  for kind in "${!PID[@]}"; do stop "$kind"; done
  [ -n "${BENCH_KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { echo "bench: $*" >&2; }
now() { echo "${EPOCHREALTIME/./}"; } # microseconds, without forking

# A port nobody listens on (never 3000): connecting to it must fail.
free_port() {
  local port
  for _ in $(seq 100); do
    port=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  log "no free port found"; exit 1
}

# --- Build the two functions through build.sh, timing each (the maven repository is warm) ---
declare -A BUILD
for fn in send json; do
  mkdir -p "$WORK/$fn"
  cp -a "$HERE/functions/$fn/." "$WORK/$fn/"
  log "building $fn"
  start=$(now)
  OPENRUNTIMES_CODE_DIR="$WORK/$fn" OPENRUNTIMES_WORKSPACE="$WORK/ws-$fn" "$ROOT/build.sh" >"$WORK/build-$fn.log" 2>&1 \
    || { cat "$WORK/build-$fn.log" >&2; exit 1; }
  BUILD[$fn]=$(( ($(now) - start) / 1000 ))
done

# --- Compile the baseline against the Vert.x, Netty and Jackson jars the runtime ships ---
LIB="$WORK/ws-send/target/quarkus-app/lib/main"
mkdir -p "$WORK/baseline"
"$JAVAC" -nowarn -d "$WORK/baseline" -cp "$LIB/*" "$HERE/baseline/Baseline.java"

# Starts a server in the background, its pid in PID[$1]. $1: ours|base, $2: function, $3: port, $4: run id
launch() {
  if [ "$1" = ours ]; then
    OPENRUNTIMES_CODE_ARCHIVE="$WORK/$2/code.tar.gz" OPENRUNTIMES_SERVER_DIR="$WORK/server-$2-$4" \
      INTERNAL_RUNTIME_KEY="$BENCH_KEY" QUARKUS_HTTP_PORT="$3" QUARKUS_HTTP_HOST=127.0.0.1 \
      "$ROOT/start.sh" >"$WORK/ours-$2-$4.log" 2>&1 &
  else
    # shellcheck disable=SC2086
    INTERNAL_RUNTIME_KEY="$BENCH_KEY" "$JAVA" $BASELINE_OPTS -cp "$WORK/baseline:$LIB/*" Baseline "$3" "$2" \
      >"$WORK/base-$2-$4.log" 2>&1 &
  fi
  PID[$1]=$!
}

stop() {
  kill "${PID[$1]}" 2>/dev/null || true
  wait "${PID[$1]}" 2>/dev/null || true
  unset "PID[$1]"
}

rss_mb() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/${PID[$1]}/status"; }

execute() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 -X POST "http://127.0.0.1:$1/" \
    -H "x-internal-challenge: $BENCH_KEY" -H 'Content-Type: application/json' -d '{"payload":""}' || true
}

# Polls until server $1 answers an execution with 200 on port $2; prints the time since $3 in ms.
first_200() {
  local pid=${PID[$1]} port=$2 start=$3 deadline=$(( $3 + 30000000 ))
  while [ "$(now)" -lt "$deadline" ]; do
    kill -0 "$pid" 2>/dev/null || { log "$1 server exited before answering"; return 1; }
    # A bare connect, without forking, until the port is open; then a real execution.
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && [ "$(execute "$port")" = 200 ]; then
      echo $(( ($(now) - start) / 1000 ))
      return
    fi
    sleep 0.005
  done
  log "no 200 within 30 s"; return 1
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# wrk's figures for $2 seconds on port $1: "req/s p50_ms p99_ms non2xx"
load() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${2}s" --latency -s "$HERE/post.lua" "http://127.0.0.1:$1/" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
    /^Requests\/sec/ { rps = $2 } /Non-2xx/ { bad = $NF }
    END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, bad }'
}

# Ours and the baseline take turns, start by start and round by round, so that the noise of
# a shared machine falls on both alike.
declare -A COLD RSS0 RSS10K RPS P50 P99 PORT UNPACK
measure() {
  local fn=$1 kind i t unpack=""
  declare -A times rss
  # The part of our cold start that is start.sh unpacking code.tar.gz, timed on its own.
  for i in $(seq 3); do
    rm -rf "$WORK/unpack" && mkdir "$WORK/unpack"
    start=$(now); tar -C "$WORK/unpack" -xzf "$WORK/$fn/code.tar.gz"; unpack+="$(( ($(now) - start) / 1000 ))"$'\n'
  done
  UNPACK[ours-$fn]=$(median <<<"${unpack%$'\n'}"); UNPACK[base-$fn]=0
  for kind in ours base; do PORT[$kind]=$(free_port); done
  for i in $(seq "$STARTS"); do
    for kind in ours base; do
      sync; sleep 1 # let the previous server's exit settle
      start=$(now); launch "$kind" "$fn" "${PORT[$kind]}" "$i"
      t=$(first_200 "$kind" "${PORT[$kind]}" "$start") || { tail -n 20 "$WORK/$kind-$fn-$i.log" >&2; exit 1; }
      times[$kind]+="$t"$'\n'; rss[$kind]+="$(rss_mb "$kind")"$'\n'
      stop "$kind"
    done
  done
  for kind in ours base; do
    COLD[$kind-$fn]=$(median <<<"${times[$kind]%$'\n'}")
    RSS0[$kind-$fn]=$(median <<<"${rss[$kind]%$'\n'}")
    log "$kind-$fn cold starts (ms): $(echo ${times[$kind]})"
  done

  for kind in ours base; do
    launch "$kind" "$fn" "${PORT[$kind]}" load
    first_200 "$kind" "${PORT[$kind]}" "$(now)" >/dev/null
    BENCH_LIMIT=$(( 10000 / THREADS )) wrk -t"$THREADS" -c"$CONNECTIONS" -d60s -s "$HERE/post.lua" \
      "http://127.0.0.1:${PORT[$kind]}/" >/dev/null
    RSS10K[$kind-$fn]=$(rss_mb "$kind")
  done
  for kind in ours base; do load "${PORT[$kind]}" "$WARMUP" >/dev/null; done
  declare -A rounds
  for i in $(seq "$ROUNDS"); do
    for kind in ours base; do
      read -r rps p50 p99 bad < <(load "${PORT[$kind]}" "$(( DURATION / ROUNDS ))")
      [ "$bad" = 0 ] || log "WARNING: $kind-$fn answered $bad non-2xx responses under load"
      rounds[$kind-rps]+="$rps"$'\n'; rounds[$kind-p50]+="$p50"$'\n'; rounds[$kind-p99]+="$p99"$'\n'
    done
  done
  for kind in ours base; do
    RPS[$kind-$fn]=$(median <<<"${rounds[$kind-rps]%$'\n'}")
    P50[$kind-$fn]=$(median <<<"${rounds[$kind-p50]%$'\n'}")
    P99[$kind-$fn]=$(median <<<"${rounds[$kind-p99]%$'\n'}")
    log "$kind-$fn rounds: req/s $(echo ${rounds[$kind-rps]}); p99 $(echo ${rounds[$kind-p99]}); RSS after 10k ${RSS10K[$kind-$fn]} MB"
    stop "$kind"
  done
}

for fn in send json; do
  measure "$fn"
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else printf "-" }'; }

echo
echo "$("$JAVA" -version 2>&1 | head -n 1); $(nproc) cores; wrk -t$THREADS -c$CONNECTIONS, ${WARMUP}s warm-up, ${DURATION}s measured in $ROUNDS rounds; $(date -u +%F)"
echo
echo "| figure | send | send / baseline | json | json / baseline | baseline send | baseline json |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
row() { # $1 label, $2 array name
  local -n values=$2
  echo "| $1 | ${values[ours-send]} | $(ratio "${values[ours-send]}" "${values[base-send]}") | ${values[ours-json]} | $(ratio "${values[ours-json]}" "${values[base-json]}") | ${values[base-send]} | ${values[base-json]} |"
}
row "cold start to first 200, median of $STARTS (ms)" COLD
row "... of which start.sh unpacking code.tar.gz (ms)" UNPACK
row "RSS at first 200 (MB)" RSS0
row "throughput (req/s)" RPS
row "latency p50 (ms)" P50
row "latency p99 (ms)" P99
row "RSS after 10,000 executions (MB)" RSS10K
echo "| build.sh, warm (s) | $(awk -v t="${BUILD[send]}" 'BEGIN { printf "%.1f", t / 1000 }') | | $(awk -v t="${BUILD[json]}" 'BEGIN { printf "%.1f", t / 1000 }') | | | |"

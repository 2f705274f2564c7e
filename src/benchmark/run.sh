#!/bin/bash
# The runtime's performance benchmark (docs/performance.md). Not a test: it prints one table.
#
# The classic protocol: builds two functions (send: res.send("ok"); json: res.json of a small map)
# with the real build.sh and starts each with the real start.sh; a third (gson) declares one Maven
# dependency, for the build's time with Maven resolving it, and five functions served at once
# give the memory runtimes share (summed PSS against five times one RSS). The v5 protocol: builds a
# text("ok") function with the real helpers/build.sh and starts it with helpers/start.sh, with the
# container's paths in a mount namespace (src/test/runtimes/v5-sandbox.sh, as root), measured with
# per-execution logging on and off. For each: cold start to the first 200 (with RSS then), split
# into unpacking, the JVM's launch to its port answering, and the first execution; RSS after 10,000
# executions; throughput/latency with wrk over loopback. A raw Vert.x server doing the same work
# (baseline/Baseline.java) is measured in the same run as the ceiling, and each of our figures is
# printed as a ratio to it. The floor of a cold start is the same server with a class archive of
# its own (an AOT cache on JDK 25+, AppCDS before), trained here as build.sh trains ours. Last,
# the operator's switches on the send function: throughput with the access line off and with
# metrics on, against the defaults (access line on, metrics off). Then the executor-like profile:
# the v5 server as Open Runtimes' executor calls it, a new connection for every execution with its
# four headers, 8 at a time, logging on and off, beside keep-alive connections at the same 8.
#
#   JAVA_HOME           the JDK for build.sh, start.sh and the baseline (default: java on PATH)
#   BENCH_STARTS        cold starts per server, the median is kept (5)
#   BENCH_WARMUP        seconds of load before measuring (10)
#   BENCH_DURATION      seconds of measured load (15), in BENCH_ROUNDS rounds (3), median kept
#   BENCH_CONNECTIONS   wrk connections (32), over BENCH_THREADS wrk threads (2)
#   BASELINE_OPTS       JVM options of the baseline (-XX:+UseSerialGC)
#   BENCH_KEEP          set: keep the scratch folder (builds, server logs) for a look afterwards
#   BENCH_PROFILE       a folder: also profile our servers there (profile.sh: async-profiler under
#                       load, and one cold start with the classes it loaded); no figure changes
#   BENCH_ONLY          executor: measure the executor-like profile alone (its table only)
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
SANDBOX_SETUP="$ROOT/src/test/runtimes/v5-sandbox.sh"
source "$ROOT/jvm-options.sh" # java_version, for the floor's archive flags
VERSION="$(java_version)"
[ -n "$VERSION" ] && [ "$VERSION" -ge 17 ] || { echo "bench: needs JDK 17 or later (JAVA_HOME, or java on PATH)" >&2; exit 1; }

[ -z "${BENCH_PROFILE:-}" ] || { mkdir -p "$BENCH_PROFILE"; BENCH_PROFILE="$(cd "$BENCH_PROFILE" && pwd)"; }
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
    port=$((20000 + RANDOM % 12000)) # below the ephemeral ports (32768-), which outgoing connections hold
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  log "no free port found"; exit 1
}

# Runs $4 in the v5 container's paths (scratch $1, /mnt/code $2, /mnt/telemetry $3, /mnt/logs
# the shared $WORK/v5-logs), with the further VAR=value words as its environment. It replaces
# the (sub)shell it runs in, and unshare, bash and the scripts exec in turn: started with `&`, its
# pid is the server's own, for kill and RSS. Run it in a subshell to wait for it.
sandbox() {
  local scratch=$1 code=$2 telemetry=$3 command=$4
  shift 4
  mkdir -p "$scratch" "$telemetry"
  exec env SANDBOX="$scratch" SANDBOX_HELPERS="$ROOT/docker/helpers" SANDBOX_RUNTIME="$ROOT" SANDBOX_CODE="$code" \
    SANDBOX_LOGS="$WORK/v5-logs" SANDBOX_TELEMETRY="$telemetry" "$@" unshare --mount bash "$SANDBOX_SETUP" "$command"
}

# --- The runtime home, made (when missing or stale) before any build is timed ---
log "making the runtime home"
RUNTIME_HOME="$("$ROOT/src/build/runtime-home.sh")"

# --- Build the two functions through build.sh, timing each (the maven repository is warm) ---
declare -A BUILD SIZE
ONLY="${BENCH_ONLY:-}"
# gson: one Maven dependency (deps.gradle), for the build's resolution step; served in the
# shared-memory row below.
for fn in send json gson; do
  [ "$ONLY" != executor ] || continue
  mkdir -p "$WORK/$fn"
  cp -a "$HERE/functions/$fn/." "$WORK/$fn/"
  log "building $fn"
  start=$(now)
  OPENRUNTIMES_CODE_DIR="$WORK/$fn" OPENRUNTIMES_WORKSPACE="$WORK/ws-$fn" "$ROOT/build.sh" >"$WORK/build-$fn.log" 2>&1 \
    || { cat "$WORK/build-$fn.log" >&2; exit 1; }
  BUILD[$fn]=$(( ($(now) - start) / 1000 ))
  SIZE[$fn]=$(stat -c %s "$WORK/$fn/code.tar.gz")
done

# The v5 function, through helpers/build.sh in the container's paths: its archive lands in
# $WORK/v5/code.tar.gz, and start gets a /mnt/code holding only it.
mkdir -p "$WORK/v5" "$WORK/v5-archive" "$WORK/v5-logs"
cp -a "$HERE/functions/v5/." "$WORK/v5/"
log "building v5"
start=$(now)
(sandbox "$WORK/sb-build" "$WORK/v5" "$WORK/tele-build" 'helpers/build.sh ""' \
  OPENRUNTIMES_WORKSPACE="$WORK/ws-v5") >"$WORK/build-v5.log" 2>&1 || { cat "$WORK/build-v5.log" >&2; exit 1; }
BUILD[v5]=$(( ($(now) - start) / 1000 ))
SIZE[v5]=$(stat -c %s "$WORK/v5/code.tar.gz")
cp "$WORK/v5/code.tar.gz" "$WORK/v5-archive/"

# --- Compile the baseline against the Vert.x, Netty and Jackson jars the runtime ships ---
LIB="$RUNTIME_HOME/quarkus-app/lib/main"
if [ "$ONLY" != executor ]; then
  mkdir -p "$WORK/baseline"
  "$JAVAC" -nowarn -d "$WORK/baseline" -cp "$LIB/*" "$HERE/baseline/Baseline.java"
  # In a jar: a class archive takes only jars on the class path, no directories.
  "${JAVA%java}jar" cf "$WORK/baseline.jar" -C "$WORK/baseline" .
fi

# Starts a server in the background, its pid in PID[$1]. $1: ours|base, $2: case, $3: port, $4: run id
launch() {
  if [ "$1" = ours ] && [ "$PROTOCOL" = v5 ]; then
    sandbox "$WORK/sb-$2-$4" "$WORK/v5-archive" "$WORK/tele-$2-$4" 'helpers/start.sh "bash helpers/server.sh"' \
      OPEN_RUNTIMES_SECRET="$BENCH_KEY" QUARKUS_HTTP_PORT="$3" QUARKUS_HTTP_HOST=127.0.0.1 >"$WORK/ours-$2-$4.log" 2>&1 &
  elif [ "$PROTOCOL" = v5 ]; then
    # shellcheck disable=SC2086
    "$JAVA" $BASELINE_OPTS $(archive_flags "$1" "$2") -cp "$WORK/baseline.jar:$LIB/*" Baseline "$3" send v5 "$WORK/v5-logs" \
      >"$WORK/$1-$2-$4.log" 2>&1 &
  elif [ "$1" = ours ] || [ "${1#switch-}" != "$1" ] || [ "${1#shared-}" != "$1" ]; then
    # shellcheck disable=SC2086 # SWITCHES: the operator's VAR=value words for this server, if any
    env ${SWITCHES:-} OPENRUNTIMES_CODE_ARCHIVE="$WORK/$2/code.tar.gz" OPENRUNTIMES_SERVER_DIR="$WORK/server-$2-$4" \
      INTERNAL_RUNTIME_KEY="$BENCH_KEY" QUARKUS_HTTP_PORT="$3" QUARKUS_HTTP_HOST=127.0.0.1 \
      "$ROOT/start.sh" >"$WORK/$1-$2-$4.log" 2>&1 &
  else
    # shellcheck disable=SC2086
    "$JAVA" $BASELINE_OPTS $(archive_flags "$1" "$2") -cp "$WORK/baseline.jar:$LIB/*" Baseline "$3" "$2" classic \
      >"$WORK/$1-$2-$4.log" 2>&1 &
  fi
  PID[$1]=$!
}

# The baseline's class archive flags: none for base; for floor, reading $WORK/floor-$2.<ext>;
# for train, writing it (as jvm-options.sh does for ours: an AOT cache on 25+, AppCDS before).
archive_flags() {
  local file="$WORK/floor-$2"
  [ "$1" != base ] || return 0
  if [ "$VERSION" -ge 25 ]; then
    if [ "$1" = train ]; then echo "-XX:AOTCacheOutput=$file.aot"; else echo "-XX:AOTCache=$file.aot"; fi
  elif [ "$1" = train ]; then echo "-XX:ArchiveClassesAtExit=$file.jsa"
  else echo "-XX:SharedArchiveFile=$file.jsa"
  fi
}

# The floor's training run: the baseline serves a few seconds of executions and stops; the JVM
# writes its archive as it exits, as our build.sh's training run does.
train_floor() {
  local port
  port=$(free_port)
  launch train "$1" "$port" 0
  first_200 train "$port" "$(now)" >/dev/null || { tail -n 20 "$WORK/train-$1-0.log" >&2; exit 1; }
  wrk -t1 -c4 -d2s -s "$HERE/post.lua" "http://127.0.0.1:$port/" >/dev/null
  stop train
  [ -f "$WORK/floor-$1.aot" ] || [ -f "$WORK/floor-$1.jsa" ] || { tail -n 20 "$WORK/train-$1-0.log" >&2; log "the floor's training left no archive"; exit 1; }
}

stop() {
  kill "${PID[$1]}" 2>/dev/null || true
  wait "${PID[$1]}" 2>/dev/null || true
  unset "PID[$1]"
}

# The server's JVM: the java process under $1's (supervise.sh's child under our start scripts, a
# level further under helpers/start.sh), the process itself for the baseline.
server_pid() {
  local java pid
  for java in $(pgrep -x java); do
    pid=$java
    while [ "${pid:-1}" -gt 1 ]; do
      [ "$pid" != "${PID[$1]}" ] || { echo "$java"; return; }
      pid=$(awk '{ print $4 }' "/proc/$pid/stat" 2>/dev/null) || break
    done
  done
  echo "${PID[$1]}"
}
rss_mb() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$(server_pid "$1")/status"; }

execute() {
  if [ "$PROTOCOL" = v5 ]; then
    curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$1/" -H "x-open-runtimes-secret: $BENCH_KEY" || true
    return
  fi
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 -X POST "http://127.0.0.1:$1/" \
    -H "x-internal-challenge: $BENCH_KEY" -H 'Content-Type: application/json' -d '{"payload":""}' || true
}

# Polls until server $1 answers an execution with 200 on port $2; prints the times since $3 in
# ms to that 200 and to the port first answering a connect (the first execution is the rest).
first_200() {
  local pid=${PID[$1]} port=$2 start=$3 deadline=$(( $3 + 30000000 )) open=""
  while [ "$(now)" -lt "$deadline" ]; do
    kill -0 "$pid" 2>/dev/null || { log "$1 server exited before answering"; return 1; }
    # A bare connect, without forking, until the port is open; then a real execution.
    if [ -n "$open" ] || (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      [ -n "$open" ] || open=$(( ($(now) - start) / 1000 ))
      if [ "$(execute "$port")" = 200 ]; then
        echo "$(( ($(now) - start) / 1000 )) $open"
        return
      fi
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

# --- BENCH_PROFILE: where our servers spend it, taken after the measured figures ---
# async-profiler (Maven Central's tools.profiler:async-profiler, native library for linux-x64):
# CPU samples under the benchmark's load, attached to the running server with jcmd; and one
# more cold start run with it from the JVM's launch, with the classes it loaded and where from
# (the AOT cache or the jars), up to the first 200.
PROFILER_VERSION=4.2
profiler() {
  local jar="$HOME/.m2/repository/tools/profiler/async-profiler/$PROFILER_VERSION/async-profiler-$PROFILER_VERSION-linux-x64.jar"
  if [ ! -f "$WORK/profiler/linux-x64/libasyncProfiler.so" ]; then
    [ -f "$jar" ] || "$ROOT/mvnw" -B -q dependency:get -Dtransitive=false \
      -Dartifact="tools.profiler:async-profiler:$PROFILER_VERSION:jar:linux-x64" >&2
    mkdir -p "$WORK/profiler"
    (cd "$WORK/profiler" && "${JAVA%java}jar" xf "$jar" linux-x64/libasyncProfiler.so)
  fi
  echo "$WORK/profiler/linux-x64/libasyncProfiler.so"
}
# A profile's top entries, from async-profiler's collapsed stacks with thread names ($1): CPU
# per thread (pools counted together), the frames CPU was spent in (self time), and the Java
# packages it was spent under (inclusive: they overlap), for all threads and for the main
# thread alone (start-up's). Written beside it, as .summary.txt.
summarize() {
  awk '
    { n = $NF; split($0, frames, ";"); thread = frames[1]; sub(/ tid=[0-9]+\]/, "]", thread); sub(/-[0-9]+\]$/, "-N]", thread)
      top = frames[length(frames)]; sub(/ [0-9]+$/, "", top)
      threads[thread] += n; self[top] += n; total += n; delete seen
      if (thread == "[main]") main[top] += n
      for (i = 2; i <= length(frames); i++) { # each package (3 levels) once per stack: inclusive
        p = frames[i]; sub(/ [0-9]+$/, "", p); if (p !~ /\//) continue
        split(p, parts, "/"); p = parts[1] "/" parts[2] "/" parts[3]
        if (!(p in seen)) { seen[p] = 1; packages[p] += n; if (thread == "[main]") mainpackages[p] += n }
      } }
    function show(title, counts, k) { print "\n" title; for (k in counts) printf "%6.1f%%  %s\n", 100 * counts[k] / total, k | "sort -rn | head -n 15"; close("sort -rn | head -n 15") }
    END { print total " samples (1 ms of CPU each)"; show("CPU by thread:", threads); show("CPU by frame (self), all threads:", self); show("CPU by frame (self), main thread:", main); show("CPU by Java package (inclusive), all threads:", packages); show("CPU by Java package (inclusive), main thread:", mainpackages) }
  ' "$1" >"${1%.collapsed}.summary.txt"
}
profile_load() { # $1: the case, ours running on PORT[ours]; $2: the load (load, wrk's, unless given)
  local lib jcmd="${JAVA%java}jcmd"
  lib=$(profiler)
  # Quoted: jcmd would read the options' '=' as its own name=value arguments.
  "$jcmd" "$(server_pid ours)" JVMTI.agent_load "$lib" '"start,event=cpu,interval=1ms,threads"' >/dev/null
  "${2:-load}" "${PORT[ours]}" "$(( DURATION / ROUNDS ))" >"$BENCH_PROFILE/$1-load-figures.txt"
  "$jcmd" "$(server_pid ours)" JVMTI.agent_load "$lib" "\"stop,collapsed,file=$BENCH_PROFILE/$1-load.collapsed\"" >/dev/null
  summarize "$BENCH_PROFILE/$1-load.collapsed"
  log "profile of $1 under load: $BENCH_PROFILE/$1-load.summary.txt"
}
profile_start() { # $1: the case
  local lib port
  lib=$(profiler); port=$(free_port)
  JAVA_OPTS="-agentpath:$lib=start,event=cpu,interval=1ms,threads,collapsed,file=$BENCH_PROFILE/$1-start.collapsed -Xlog:class+load=info:file=$BENCH_PROFILE/$1-classes.log -Xlog:startuptime:file=$BENCH_PROFILE/$1-startuptime.log" \
    launch ours "$1" "$port" profile
  first_200 ours "$port" "$(now)" >"$BENCH_PROFILE/$1-start-times.txt" || true
  stop ours
  summarize "$BENCH_PROFILE/$1-start.collapsed"
  log "profile of a $1 cold start: $BENCH_PROFILE/$1-start.summary.txt; classes loaded $(grep -c . "$BENCH_PROFILE/$1-classes.log"), from the class archive $(grep -c 'shared objects file' "$BENCH_PROFILE/$1-classes.log")"
}

# The cold start's parts, medians over the starts just made ($2..$7: ours', base's and floor's
# times to the first 200 and to the port answering, one a line). Unpacking is what the start
# scripts print (classic: start.sh's "unpacked ... in N ms"; v5: helpers/start.sh's extract=);
# the JVM's part, to the port answering (classic: the rest of the way there; v5: the server's own
# startup=, from "Runtime started." on); Quarkus's own "started in" within it; the first
# execution is the port answering to the 200.
split_cold_start() {
  local fn=$1 logs
  logs=$(cat "$WORK"/ours-"$fn"-[0-9]*.log)
  QUARKUS[ours-$fn]=$(sed -n 's/.* started in \([0-9.]*\)s\..*/\1/p' <<<"$logs" | awk '{ print $1 * 1000 }' | median)
  if [ "$PROTOCOL" = v5 ]; then
    UNPACK[ours-$fn]=$(cat "$WORK"/tele-"$fn"-[0-9]*/timings.txt | sed -n 's/^extract=//p' | awk '{ print $1 * 1000 }' | median)
    JVM[ours-$fn]=$(cat "$WORK"/tele-"$fn"-[0-9]*/timings.txt | sed -n 's/^startup=//p' | awk '{ print $1 * 1000 }' | median)
  else
    local unpacks
    unpacks=$(sed -n 's/^start\.sh: unpacked .* in \([0-9]*\) ms$/\1/p' <<<"$logs")
    UNPACK[ours-$fn]=$(median <<<"$unpacks")
    JVM[ours-$fn]=$(paste -d' ' <(echo "${3%$'\n'}") <(echo "$unpacks") | awk '{ print $1 - $2 }' | median)
  fi
  FIRST[ours-$fn]=$(paste -d' ' <(echo "${2%$'\n'}") <(echo "${3%$'\n'}") | awk '{ print $1 - $2 }' | median)
  UNPACK[base-$fn]=0; UNPACK[floor-$fn]=0
  JVM[base-$fn]=$(median <<<"${5%$'\n'}"); JVM[floor-$fn]=$(median <<<"${7%$'\n'}")
  FIRST[base-$fn]=$(paste -d' ' <(echo "${4%$'\n'}") <(echo "${5%$'\n'}") | awk '{ print $1 - $2 }' | median)
  FIRST[floor-$fn]=$(paste -d' ' <(echo "${6%$'\n'}") <(echo "${7%$'\n'}") | awk '{ print $1 - $2 }' | median)
}

# Ours and the baseline take turns, start by start and round by round, so that the noise of
# a shared machine falls on both alike. The floor (the baseline with its own class archive)
# takes its turn in the cold starts.
declare -A COLD RSS0 RSS10K RPS P50 P99 PORT UNPACK JVM QUARKUS FIRST CPU
measure() {
  local fn=$1 kind i t open start answered
  declare -A times rss opens
  train_floor "$fn"
  for kind in ours base floor; do PORT[$kind]=$(free_port); done
  for i in $(seq "$STARTS"); do
    for kind in ours base floor; do
      sync; sleep 1 # let the previous server's exit settle
      start=$(now); launch "$kind" "$fn" "${PORT[$kind]}" "$i"
      read -r t open < <(first_200 "$kind" "${PORT[$kind]}" "$start") || true
      [ -n "${t:-}" ] || { tail -n 20 "$WORK/$kind-$fn-$i.log" >&2; exit 1; }
      times[$kind]+="$t"$'\n'; opens[$kind]+="$open"$'\n'; rss[$kind]+="$(rss_mb "$kind")"$'\n'
      stop "$kind"
    done
  done
  split_cold_start "$fn" "${times[ours]}" "${opens[ours]}" "${times[base]}" "${opens[base]}" "${times[floor]}" "${opens[floor]}"
  for kind in ours base floor; do
    COLD[$kind-$fn]=$(median <<<"${times[$kind]%$'\n'}")
    RSS0[$kind-$fn]=$(median <<<"${rss[$kind]%$'\n'}")
    log "$kind-$fn cold starts (ms): $(echo ${times[$kind]}); port answering at $(echo ${opens[$kind]})"
  done

  for kind in ours base; do
    launch "$kind" "$fn" "${PORT[$kind]}" load
    first_200 "$kind" "${PORT[$kind]}" "$(now)" >/dev/null
    # wrk's threads stop at the limit, but wrk itself waits out -d: 10 s, not more, and a
    # warning if the server could not answer 10,000 in that time.
    answered=$(BENCH_LIMIT=$(( 10000 / THREADS )) wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s "$HERE/post.lua" \
      "http://127.0.0.1:${PORT[$kind]}/" | awk '/requests in/ { print $1 }')
    [ "${answered:-0}" -ge 10000 ] || log "WARNING: $kind-$fn answered only ${answered:-0} executions in 10 s, not 10,000"
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
  done
  [ -z "${BENCH_PROFILE:-}" ] || profile_load "$fn"
  for kind in ours base; do stop "$kind"; done
  [ -z "${BENCH_PROFILE:-}" ] || profile_start "$fn"
}

# --- The executor-like profile (issue 16): the v5 server, logging on and off, 8 executions at a
# time, each on a new connection with the executor's four headers that the client closes after
# the answer, as the executor's curl does (executor-load.sh), against the same client on
# keep-alive connections (the two take turns, round by round). The access line stays at its v5
# default.
executor_load() { "$HERE/executor-load.sh" 127.0.0.1 "$1" "$2"; } # port, seconds: "req/s p50 p99 non2xx"
kept_load() { "$HERE/executor-load.sh" 127.0.0.1 "$1" "$2" keep-alive; }
measure_executor_like() {
  local fn profile i rps p50 p99 bad ticks
  declare -A rounds
  for fn in v5-logs v5-nolog; do
    if [ "$fn" = v5-logs ]; then export BENCH_LOGGING=enabled; else export BENCH_LOGGING=disabled; fi
    # The executor-like client reads and deletes each execution's two log files, as the executor does.
    export BENCH_LOGS="$WORK/v5-logs"
    PORT[ours]=$(free_port)
    launch ours "$fn" "${PORT[ours]}" executor
    first_200 ours "${PORT[ours]}" "$(now)" >/dev/null || { tail -n 20 "$WORK/ours-$fn-executor.log" >&2; exit 1; }
    executor_load "${PORT[ours]}" "$WARMUP" >/dev/null
    kept_load "${PORT[ours]}" "$WARMUP" >/dev/null
    for i in $(seq "$ROUNDS"); do
      for profile in keep-alive executor; do
        ticks=$(cpu_ticks ours)
        read -r rps p50 p99 bad < <("$([ "$profile" = executor ] && echo executor_load || echo kept_load)" \
          "${PORT[ours]}" "$(( DURATION / ROUNDS ))")
        [ "$bad" = 0 ] || log "WARNING: $profile-$fn answered $bad non-2xx responses under load"
        rounds[$profile-$fn-rps]+="$rps"$'\n'; rounds[$profile-$fn-p99]+="$p99"$'\n'
        rounds[$profile-$fn-cpu]+="$(cpu_per_execution $(( $(cpu_ticks ours) - ticks )) "$rps" "$(( DURATION / ROUNDS ))")"$'\n'
      done
    done
    # With BENCH_PROFILE: where a new connection's cost goes, under the executor-like load.
    [ -z "${BENCH_PROFILE:-}" ] || profile_load "executor-$fn" executor_load
    stop ours
    for profile in keep-alive executor; do
      RPS[$profile-$fn]=$(median <<<"${rounds[$profile-$fn-rps]%$'\n'}")
      P99[$profile-$fn]=$(median <<<"${rounds[$profile-$fn-p99]%$'\n'}")
      CPU[$profile-$fn]=$(median <<<"${rounds[$profile-$fn-cpu]%$'\n'}")
      log "$profile-$fn rounds: req/s $(echo ${rounds[$profile-$fn-rps]}); p99 $(echo ${rounds[$profile-$fn-p99]}); server CPU per execution (µs) $(echo ${rounds[$profile-$fn-cpu]})"
    done
  done
}
# The server's CPU time (user and system, clock ticks) so far: $1's JVM.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$(server_pid "$1")/stat"; }
# µs of the server's CPU per execution: $1 ticks over $2 req/s for $3 s. Less swayed than req/s
# by what else the machine runs (the client itself included), so it compares transports more steadily.
cpu_per_execution() { awk -v t="$1" -v hz="$(getconf CLK_TCK)" -v rps="$2" -v s="$3" 'BEGIN { printf "%.0f", (rps > 0 ? t * 1000000 / hz / (rps * s) : 0) }'; }
executor_table() {
  echo; echo "v5 as the executor calls it (a new connection per execution, its four headers, the client closing it), 8 at a time, against the same client on 8 kept connections:"
  echo
  echo "| figure | logging on | logging off |"
  echo "| --- | --- | --- |"
  echo "| keep-alive: throughput (req/s) | ${RPS[keep-alive-v5-logs]} | ${RPS[keep-alive-v5-nolog]} |"
  echo "| keep-alive: latency p99 (ms) | ${P99[keep-alive-v5-logs]} | ${P99[keep-alive-v5-nolog]} |"
  echo "| executor-like: throughput (req/s) | ${RPS[executor-v5-logs]} | ${RPS[executor-v5-nolog]} |"
  echo "| executor-like: latency p99 (ms) | ${P99[executor-v5-logs]} | ${P99[executor-v5-nolog]} |"
  echo "| executor-like / keep-alive | $(ratio "${RPS[executor-v5-logs]}" "${RPS[keep-alive-v5-logs]}") | $(ratio "${RPS[executor-v5-nolog]}" "${RPS[keep-alive-v5-nolog]}") |"
  echo "| keep-alive: server CPU per execution (µs) | ${CPU[keep-alive-v5-logs]} | ${CPU[keep-alive-v5-nolog]} |"
  echo "| executor-like: server CPU per execution (µs) | ${CPU[executor-v5-logs]} | ${CPU[executor-v5-nolog]} |"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else printf "-" }'; }
if [ "$ONLY" = executor ]; then
  PROTOCOL=v5; export BENCH_PROTOCOL=v5
  measure_executor_like
  echo; echo "$("$JAVA" -version 2>&1 | head -n 1); $(nproc) cores; wrk -t$THREADS, ${WARMUP}s warm-up, ${DURATION}s measured in $ROUNDS rounds; $(date -u +%F)"
  executor_table
  exit 0
fi

PROTOCOL=classic
for fn in send json; do
  measure "$fn"
done
# --- Memory shared between runtimes: five classic functions served at once from the one runtime
# home, each after its first 200. The home's jars and class archive are mapped by all five, so
# their pages count once in the summed PSS (/proc/<pid>/smaps_rollup), against five times one
# runtime's RSS.
measure_shared() {
  local fn i pss=0 rss1=""
  local -a functions=(send json gson hello-a hello-b)
  for fn in hello-a hello-b; do # two more, each its own build
    mkdir -p "$WORK/$fn" && cp -a "$ROOT/src/test/functions/hello/." "$WORK/$fn/"
    OPENRUNTIMES_CODE_DIR="$WORK/$fn" OPENRUNTIMES_WORKSPACE="$WORK/ws-$fn" "$ROOT/build.sh" >"$WORK/build-$fn.log" 2>&1 \
      || { cat "$WORK/build-$fn.log" >&2; exit 1; }
  done
  for i in "${!functions[@]}"; do
    fn=${functions[$i]}; PORT[shared-$i]=$(free_port)
    launch "shared-$i" "$fn" "${PORT[shared-$i]}" shared
    first_200 "shared-$i" "${PORT[shared-$i]}" "$(now)" >/dev/null || { tail -n 20 "$WORK/shared-$i-$fn-shared.log" >&2; exit 1; }
  done
  sleep 2 # past the first execution's compilations
  for i in "${!functions[@]}"; do
    pss=$(( pss + $(awk '/^Pss:/ { print $2 }' "/proc/$(server_pid "shared-$i")/smaps_rollup") ))
    [ -n "$rss1" ] || rss1=$(rss_mb "shared-$i")
  done
  for i in "${!functions[@]}"; do stop "shared-$i"; done
  SHARED_PSS=$(( pss / 1024 )); SHARED_RSS5=$(( rss1 * 5 ))
  log "five runtimes: summed PSS $SHARED_PSS MB; five times one runtime's RSS $SHARED_RSS5 MB"
}

# --- The operator's switches (docs/operations.md), on the send function: what the access line
# (on by default) and the metrics (off by default) cost. The three servers take turns, round by
# round, as ours and the baseline do above.
SWITCH_NAMES=(defaults access-log-off metrics-on)
declare -A SWITCH_ENV=([defaults]="" [access-log-off]="OPENRUNTIMES_ACCESS_LOG=false" [metrics-on]="OPENRUNTIMES_METRICS=true")
measure_switches() {
  local name kind i rps p50 p99 bad
  declare -A rounds
  for name in "${SWITCH_NAMES[@]}"; do
    kind=switch-$name; PORT[$kind]=$(free_port)
    SWITCHES="${SWITCH_ENV[$name]}" launch "$kind" send "${PORT[$kind]}" load
    first_200 "$kind" "${PORT[$kind]}" "$(now)" >/dev/null || { tail -n 20 "$WORK/$kind-send-load.log" >&2; exit 1; }
    load "${PORT[$kind]}" "$WARMUP" >/dev/null
  done
  for i in $(seq "$ROUNDS"); do
    for name in "${SWITCH_NAMES[@]}"; do
      read -r rps p50 p99 bad < <(load "${PORT[switch-$name]}" "$(( DURATION / ROUNDS ))")
      rounds[$name-rps]+="$rps"$'\n'; rounds[$name-p99]+="$p99"$'\n'
    done
  done
  for name in "${SWITCH_NAMES[@]}"; do
    RPS[switch-$name]=$(median <<<"${rounds[$name-rps]%$'\n'}")
    P99[switch-$name]=$(median <<<"${rounds[$name-p99]%$'\n'}")
    RSS10K[switch-$name]=$(rss_mb "switch-$name")
    stop "switch-$name"
    log "switch $name rounds: req/s $(echo ${rounds[$name-rps]}); p99 $(echo ${rounds[$name-p99]})"
  done
}
measure_switches
measure_shared

PROTOCOL=v5
export BENCH_PROTOCOL=v5
for fn in v5-logs v5-nolog; do
  if [ "$fn" = v5-logs ]; then export BENCH_LOGGING=enabled; else export BENCH_LOGGING=disabled; fi
  measure "$fn"
done
measure_executor_like

echo
echo "$("$JAVA" -version 2>&1 | head -n 1); $(nproc) cores; wrk -t$THREADS -c$CONNECTIONS, ${WARMUP}s warm-up, ${DURATION}s measured in $ROUNDS rounds; $(date -u +%F)"
table() { # $1 $2: the two cases, as columns
  local a=$1 b=$2
  echo
  echo "| figure | $a | $a / baseline | $b | $b / baseline | baseline $a | baseline $b |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
  row() { # $1 label, $2 array name
    local -n values=$2
    echo "| $1 | ${values[ours-$a]:-} | $(ratio "${values[ours-$a]:-0}" "${values[base-$a]:-0}") | ${values[ours-$b]:-} | $(ratio "${values[ours-$b]:-0}" "${values[base-$b]:-0}") | ${values[base-$a]:-} | ${values[base-$b]:-} |"
  }
  floor() { # the floor's figures in the baseline's columns, ours as a ratio to them
    local -n values=$2
    echo "| $1 | | $(ratio "${values[ours-$a]:-0}" "${values[floor-$a]:-0}") | | $(ratio "${values[ours-$b]:-0}" "${values[floor-$b]:-0}") | ${values[floor-$a]:-} | ${values[floor-$b]:-} |"
  }
  row "cold start to first 200, median of $STARTS (ms)" COLD
  row "... unpacking the archive (ms)" UNPACK
  if [ "$PROTOCOL" = v5 ]; then
    row "... \"Runtime started.\" to the port answering (ours), the JVM's launch to it (baseline) (ms)" JVM
  else
    row "... the JVM's launch to the port answering (ms)" JVM
  fi
  row "... ... of which Quarkus's own \"started in\" (ms)" QUARKUS
  row "... the port answering to the first 200 (ms)" FIRST
  floor "floor: the baseline with its own $ARCHIVE_KIND, cold start (ms)" COLD
  floor "... floor: its JVM's launch to the port answering (ms)" JVM
  floor "... floor: the port answering to the first 200 (ms)" FIRST
  row "RSS at first 200 (MB)" RSS0
  row "throughput (req/s)" RPS
  row "latency p50 (ms)" P50
  row "latency p99 (ms)" P99
  row "RSS after 10,000 executions (MB)" RSS10K
}
if [ "$VERSION" -ge 25 ]; then ARCHIVE_KIND="AOT cache"; else ARCHIVE_KIND="AppCDS archive"; fi
echo; echo "Classic protocol (start.sh):"
PROTOCOL=classic
table send json
echo "| build.sh, warm (s) | $(awk -v t="${BUILD[send]}" 'BEGIN { printf "%.1f", t / 1000 }') | | $(awk -v t="${BUILD[json]}" 'BEGIN { printf "%.1f", t / 1000 }') | | | |"
echo "| its code.tar.gz (bytes) | ${SIZE[send]} | | ${SIZE[json]} | | | |"
echo; echo "A function with one Maven dependency (Gson, from deps.gradle): build.sh, warm $(awk -v t="${BUILD[gson]}" 'BEGIN { printf "%.1f", t / 1000 }') s; its code.tar.gz ${SIZE[gson]} bytes."
echo; echo "Five runtimes serving five functions at once from one runtime home: summed PSS ${SHARED_PSS} MB, against five times one runtime's RSS ${SHARED_RSS5} MB ($(ratio "$SHARED_PSS" "$SHARED_RSS5"))."
echo; echo "v5 protocol (helpers/start.sh), text(\"ok\"), per-execution logging on and off:"
PROTOCOL=v5
table v5-logs v5-nolog
echo "| helpers/build.sh, warm (s) | $(awk -v t="${BUILD[v5]}" 'BEGIN { printf "%.1f", t / 1000 }') | | | | | |"
echo "| its code.tar.gz (bytes) | ${SIZE[v5]} | | | | | |"
echo; echo "The operator's switches, classic send, each against the defaults (access line on, metrics off):"
echo
echo "| figure | defaults | access line off | ratio | metrics on | ratio |"
echo "| --- | --- | --- | --- | --- | --- |"
for figure in RPS P99 RSS10K; do
  declare -n values=$figure
  case $figure in RPS) label="throughput (req/s)" ;; P99) label="latency p99 (ms)" ;; RSS10K) label="RSS after the load (MB)" ;; esac
  echo "| $label | ${values[switch-defaults]} | ${values[switch-access-log-off]} | $(ratio "${values[switch-access-log-off]}" "${values[switch-defaults]}") | ${values[switch-metrics-on]} | $(ratio "${values[switch-metrics-on]}" "${values[switch-defaults]}") |"
  unset -n values
done
executor_table

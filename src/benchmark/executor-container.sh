#!/bin/bash
# The executor-like profile in the executor's own setting (issue 16, item 4): the v5 runtime in a
# container limited as Open Runtimes' executor limits a 512 MB function (--memory 512000000, no
# swap, --cpus 1, restart "no"), its build and start as the executor runs them (helpers/build.sh,
# then helpers/start.sh "bash helpers/server.sh" with the archive at /mnt/code), called from the
# host at the container's own address (no port proxy), 8 executions at a time, by the executor's
# own kind of client (executor-load.sh): a new connection for every execution with the executor's
# four headers, the client closing it after the answer as curl does, against the same client on
# keep-alive connections; per-execution logging on and off (the client reads and deletes each
# execution's log files, as the executor does). The client runs outside the container's CPU quota,
# as the executor does; on a machine of 2 cores it still shares them with the server.
#
# Beside it, the kernel's floor (floor-server.c, in a container limited the same way): a server
# that does nothing but answer, and make the two log files when logging is on. What a new
# connection costs it is what Linux costs, and no server can pay less; with it, the table gives
# the best ratio a server as fast as ours on kept connections could reach.
#
# The client closes each connection itself, so its side keeps each one in TIME_WAIT for a minute:
# past loopback, where Linux reuses them by default, thousands of executions a second use up the
# local ports within seconds and the rate collapses. So the script sets net.ipv4.tcp_tw_reuse=1 for
# the run, as root, and puts it back after.
#
# Not a test: prints one table. Needs Docker and the runtime's image (docker/build-image.sh).
#
#   IMAGE           the runtime's image (openruntimes-local/java-quarkus:test-jvm, as ContainerImageTest builds it)
#   BENCH_WARMUP    seconds of each profile's load before measuring (10)
#   BENCH_DURATION  seconds of measured load per profile (15), in BENCH_ROUNDS rounds (3), median kept
set -eu

HERE="$(cd "$(dirname "$0")" && pwd)"
IMAGE="${IMAGE:-openruntimes-local/java-quarkus:test-jvm}"
WARMUP="${BENCH_WARMUP:-10}"
DURATION="${BENCH_DURATION:-15}"
ROUNDS="${BENCH_ROUNDS:-3}"
export BENCH_KEY="bench-$RANDOM$RANDOM"
NAME="openruntimes-bench-$$"

command -v gcc >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q gcc libc6-dev >/dev/null; }
docker image inspect "$IMAGE" >/dev/null 2>&1 || { echo "bench: no image $IMAGE (docker/build-image.sh)" >&2; exit 1; }
WORK="$(mktemp -d /tmp/openruntimes-bench.XXXXXX)"
TW_REUSE="$(sysctl -n net.ipv4.tcp_tw_reuse)"
cleanup() {
  docker rm -f "$NAME" >/dev/null 2>&1 || true
  rm -rf "$WORK"
  sysctl -q -w net.ipv4.tcp_tw_reuse="$TW_REUSE" || true
}
trap cleanup EXIT
log() { echo "bench: $*" >&2; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else printf "-" }'; }

# The container's CPU time so far, in microseconds, from its cgroup (v2, else v1).
cpu_us() {
  local id; id="$(docker inspect -f '{{.Id}}' "$NAME")"
  for stat in "/sys/fs/cgroup/system.slice/docker-$id.scope/cpu.stat" "/sys/fs/cgroup/docker/$id/cpu.stat"; do
    [ ! -r "$stat" ] || { awk '/^usage_usec/ { print $2 }' "$stat"; return; }
  done
  for usage in "/sys/fs/cgroup/cpuacct/docker/$id/cpuacct.usage" "/sys/fs/cgroup/cpu,cpuacct/docker/$id/cpuacct.usage"; do
    [ ! -r "$usage" ] || { echo $(( $(cat "$usage") / 1000 )); return; }
  done
  echo 0
}

# $2 seconds of executions on $1, 8 at a time, the profile $3 (executor or keep-alive): "req/s p99(ms) non-2xx"
load() {
  "$HERE/executor-load.sh" "$1" 3000 "$2" "$([ "$3" = keep-alive ] && echo keep-alive || true)" | awk '{ print $1, $3, $4 }'
}

# Runs the profiles against the container $NAME on $1, warmed up first, round by round: sets
# RPS, P99 and CPU[profile-$2] to the rounds' medians.
measure() {
  local ip=$1 case=$2 profile figure value before rps p99 bad
  declare -A rounds=()
  load "$ip" "$WARMUP" executor >/dev/null
  load "$ip" "$WARMUP" keep-alive >/dev/null
  for _ in $(seq "$ROUNDS"); do
    for profile in keep-alive executor; do
      before=$(cpu_us)
      read -r rps p99 bad < <(load "$ip" "$(( DURATION / ROUNDS ))" "$profile")
      [ "$bad" = 0 ] || log "WARNING: $profile, $case: $bad failed or non-2xx executions"
      rounds[$profile-rps]+="$rps"$'\n'; rounds[$profile-p99]+="$p99"$'\n'
      rounds[$profile-cpu]+="$(awk -v u="$(( $(cpu_us) - before ))" -v n="$(( rps * DURATION / ROUNDS ))" 'BEGIN { printf("%.0f", (n > 0 ? u / n : 0)) }')"$'\n'
    done
  done
  for profile in keep-alive executor; do
    for figure in rps p99 cpu; do
      value=$(median <<<"${rounds[$profile-$figure]%$'\n'}")
      case $figure in rps) RPS[$profile-$case]=$value ;; p99) P99[$profile-$case]=$value ;; cpu) CPU[$profile-$case]=$value ;; esac
    done
    log "$profile, $case: req/s $(echo ${rounds[$profile-rps]}); the container's CPU per execution (µs) $(echo ${rounds[$profile-cpu]})"
  done
}

# Waits for $1 to answer 200 (30 s at most).
answering() {
  for _ in $(seq 300); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H "x-open-runtimes-secret: $BENCH_KEY" "http://$1:3000/")" != 200 ] || return 0
    sleep 0.1
  done
  log "no 200 from $1 within 30 s"; docker logs "$NAME" 2>&1 | tail -n 20 >&2; exit 1
}
address() { docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$NAME"; }
LIMITS=(--memory 512000000 --memory-swap 512000000 --cpus 1 --restart no)

sysctl -q -w net.ipv4.tcp_tw_reuse=1 || log "WARNING: cannot set net.ipv4.tcp_tw_reuse=1 (not root?): the rates may collapse"
log "building the v5 bench function in a build container ($IMAGE)"
mkdir -p "$WORK/code" "$WORK/logs"
cp -a "$HERE/functions/v5/." "$WORK/code/"
docker run --rm --network none -v "$WORK/code:/mnt/code:rw" -e OPEN_RUNTIMES_ENTRYPOINT=Index.java \
  "$IMAGE" bash -c 'helpers/build.sh ""' >"$WORK/build.log" 2>&1 || { tail -n 20 "$WORK/build.log" >&2; exit 1; }

declare -A RPS P99 CPU
for logging in enabled disabled; do
  export BENCH_LOGGING=$logging BENCH_LOGS="$WORK/logs"
  docker run -d --name "$NAME" "${LIMITS[@]}" \
    -e OPEN_RUNTIMES_SECRET="$BENCH_KEY" -v "$WORK/code/code.tar.gz:/mnt/code/code.tar.gz:ro" -v "$WORK/logs:/mnt/logs" \
    "$IMAGE" bash helpers/start.sh "bash helpers/server.sh" >/dev/null
  ip="$(address)"
  answering "$ip"
  measure "$ip" "$logging"
  docker rm -f "$NAME" >/dev/null
done

log "the kernel's floor: floor-server.c in a container limited the same way"
gcc -O2 -static -o "$WORK/floor-server" "$HERE/floor-server.c"
for logging in enabled disabled; do
  export BENCH_LOGGING=$logging BENCH_LOGS="$WORK/logs"
  docker run -d --name "$NAME" "${LIMITS[@]}" -v "$WORK/floor-server:/floor-server:ro" -v "$WORK/logs:/mnt/logs" \
    "$IMAGE" /floor-server 3000 /mnt/logs >/dev/null
  ip="$(address)"
  answering "$ip"
  measure "$ip" "floor-$logging"
  docker rm -f "$NAME" >/dev/null
done

echo
echo "v5 in a container at the executor's limits (--cpus 1, 512 MB), 8 at a time from the host; $(nproc) cores; ${WARMUP}s warm-up, ${DURATION}s in $ROUNDS rounds; $(date -u +%F)"
echo
echo "| figure | logging on | logging off |"
echo "| --- | --- | --- |"
echo "| keep-alive: throughput (req/s) | ${RPS[keep-alive-enabled]} | ${RPS[keep-alive-disabled]} |"
echo "| executor-like: throughput (req/s) | ${RPS[executor-enabled]} | ${RPS[executor-disabled]} |"
echo "| keep-alive: latency p99 (ms) | ${P99[keep-alive-enabled]} | ${P99[keep-alive-disabled]} |"
echo "| executor-like: latency p99 (ms) | ${P99[executor-enabled]} | ${P99[executor-disabled]} |"
echo "| container CPU per execution, keep-alive / executor-like (µs) | ${CPU[keep-alive-enabled]} / ${CPU[executor-enabled]} | ${CPU[keep-alive-disabled]} / ${CPU[executor-disabled]} |"
echo "| executor-like / keep-alive | $(ratio "${RPS[executor-enabled]}" "${RPS[keep-alive-enabled]}") | $(ratio "${RPS[executor-disabled]}" "${RPS[keep-alive-disabled]}") |"
# The floor's cost of a connection is its executor-like CPU less its keep-alive CPU: added to our
# keep-alive cost, the least an execution on a new connection could cost us.
echo
echo "The kernel's floor (floor-server.c: answers, and makes the two log files when asked; nothing else), the same limits and client:"
echo
echo "| figure | logging on | logging off |"
echo "| --- | --- | --- |"
echo "| keep-alive / executor-like: throughput (req/s) | ${RPS[keep-alive-floor-enabled]} / ${RPS[executor-floor-enabled]} | ${RPS[keep-alive-floor-disabled]} / ${RPS[executor-floor-disabled]} |"
echo "| container CPU per execution, keep-alive / executor-like (µs) | ${CPU[keep-alive-floor-enabled]} / ${CPU[executor-floor-enabled]} | ${CPU[keep-alive-floor-disabled]} / ${CPU[executor-floor-disabled]} |"
connection() { echo $(( CPU[executor-floor-$1] - CPU[keep-alive-floor-$1] )); }
echo "| a new connection's cost to the kernel (µs) | $(connection enabled) | $(connection disabled) |"
best() { awk -v k="${CPU[keep-alive-$1]}" -v c="$(connection "$1")" 'BEGIN { printf "%.2fx", k / (k + c) }'; }
echo "| the best executor-like / keep-alive a server with our keep-alive cost could reach | $(best enabled) | $(best disabled) |"
echo "| our own cost of a connection, over the kernel's (µs) | $(( CPU[executor-enabled] - CPU[keep-alive-enabled] - $(connection enabled) )) | $(( CPU[executor-disabled] - CPU[keep-alive-disabled] - $(connection disabled) )) |"

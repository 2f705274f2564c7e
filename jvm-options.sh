# Sourced by start.sh and helpers/server.sh (to serve) and src/build/runtime-home.sh (to train):
# the server's JVM flags, in one place, so that the class archive the runtime home's training run
# records is the one a start can use; and where that home is.
#
# The archive holds the classes the server loaded, already parsed and linked, so that a start
# skips most of that work:
#   JDK 25+    an AOT cache (JEP 483, with method profiles from JEP 515), jdk-<N>.aot
#   JDK 17-24  a dynamic AppCDS archive, jdk-<N>.jsa
# Its name carries the JDK's feature version (a JVM only reads an archive its own version wrote)
# and the protocol it was trained on (OPENRUNTIMES_PROTOCOL, classic unless v5): one archive comes
# from one training JVM, and each protocol's start loads classes the other's does not.
# jdk-<N>.aot / .jsa, with no protocol, is what the builds of an earlier layout packed (a whole
# quarkus-app in the archive): still read when it is there.
# A missing or stale archive costs start-up time only; to fail loudly instead (when testing),
# add -Xshare:on (AppCDS) or -XX:AOTMode=on (AOT cache) to JAVA_OPTS.
#
# The JVM runs from inside the app folder, as `java ... -jar quarkus-run.jar`: JDK 17 records
# the class path as given, so a relative one is what lets the archive move with the folder.

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# The JDK's feature version (17, 25, ...), read from its release file: no JVM started for it.
java_version() {
  local home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null || true
}

# The runtime home (src/build/runtime-home.sh) a function folder is served from: the image's
# (OPENRUNTIMES_RUNTIME_HOME), else a checkout's target/runtime, made there on first use.
runtime_home() {
  local root home
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  home="${OPENRUNTIMES_RUNTIME_HOME:-$root/target/runtime}"
  if [ -f "$home/ready" ]; then echo "$home"; else "$root/src/build/runtime-home.sh"; fi
}

# Sets APP, the quarkus-app folder that serves what a start unpacked into $1: the runtime home's
# for a function folder (OPENRUNTIMES_FUNCTION_DIR then names it), else an archive of the earlier
# layout's own. Returns 1 when the home cannot be had, 2 when $1 holds neither.
server_app() {
  if [ -f "$1/function/function.properties" ]; then
    APP="$(runtime_home)/quarkus-app" || return 1
    export OPENRUNTIMES_FUNCTION_DIR="$1/function"
  elif [ -f "$1/quarkus-app/quarkus-run.jar" ]; then
    APP="$1/quarkus-app"
  else
    return 2
  fi
}

# The builder's JVM (build.sh, and its training in src/build/runtime-home.sh): short-lived, so
# C1 alone (it starts faster than it loses on peak speed) and the serial collector.
BUILDER_FLAGS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)

# The memory this process may use, in bytes: OPENRUNTIMES_MEMORY_LIMIT when set, else the lowest
# limit of its memory cgroup and the cgroups above it (v2: memory.max; v1: memory.limit_in_bytes,
# where "no limit" is a number near 2^63); nothing when there is none. Read here rather than left
# to the JVM's own detection: the heap is what is left once the rest is set aside (memory_flags),
# and the JVM only offers a percentage of the limit.
memory_limit() {
  local path limit="" value file dir
  if [ -n "${OPENRUNTIMES_MEMORY_LIMIT:-}" ]; then echo "$OPENRUNTIMES_MEMORY_LIMIT"; return; fi
  if [ -f /sys/fs/cgroup/cgroup.controllers ]; then # v2: one hierarchy, "0::<path>"
    path="$(sed -n 's/^0:://p' /proc/self/cgroup 2>/dev/null)"; file=memory.max; dir=/sys/fs/cgroup
  else
    path="$(sed -n 's/^[0-9]*:[^:]*\bmemory\b[^:]*://p' /proc/self/cgroup 2>/dev/null)"; file=memory.limit_in_bytes; dir=/sys/fs/cgroup/memory
  fi
  # From the process's own cgroup up to the mount's root (inside a container's cgroup namespace,
  # the path may name a cgroup above what is mounted: then only the root is there to read).
  while :; do
    if read -r value 2>/dev/null <"$dir$path/$file" && [ "$value" != max ] && [ "$value" -lt $((1 << 60)) ] 2>/dev/null; then
      [ -z "$limit" ] || [ "$value" -ge "$limit" ] || limit=$value
      [ -n "$limit" ] || limit=$value
    fi
    [ -n "$path" ] && [ "$path" != / ] || break
    path="${path%/*}"
  done
  echo "$limit"
}

# Sizes the JVM for a memory limit of $1 bytes (memory_limit), as flags, one a line. The heap is
# what is left once the memory a JVM uses besides it is set aside: 128 MiB and an eighth of the
# limit for the class archive's mapping (about 50 MB), the code cache, metaspace, thread stacks,
# direct buffers, the JIT's and the GC's own memory and the mapped jars and libraries. So a
# function that fills the heap gets an OutOfMemoryError (which HeapGuard handles), never the
# kernel's SIGKILL for the container. The areas that grow on their own are capped inside that
# reserve: the code cache; metaspace; direct buffers at an eighth of the heap, what the
# executions' bodies in flight may take (engine/Admission), plus 16 MiB for the event loops' own.
# README: the heap this gives each of the executor's usual sizes.
memory_flags() {
  local limit=$1 mib=$((1024 * 1024)) heap
  heap=$(( (limit - 128 * mib - limit / 8) / mib ))
  [ "$heap" -ge 64 ] || heap=64 # below ~200 MB the JVM cannot serve anyway: the kernel will say so
  printf '%s\n' "-Xmx${heap}m" "-XX:MaxMetaspaceSize=$(( (64 * mib + limit / 16) / mib ))m" \
    -XX:ReservedCodeCacheSize=64m "-XX:MaxDirectMemorySize=$(( 16 + heap / 8 ))m"
}

# Sets JVM_FLAGS for the app in $1 (a quarkus-app folder, the JVM's working directory); with
# $2 = train, the JVM records the archive instead of reading it.
jvm_flags() {
  local app="$1" version limit
  version="$(java_version)"
  # Sized for the container (memory_flags), or 70% of the machine's memory without a limit.
  # Serial GC: least memory and start-up work, and on a couple of cores as fast as any for short requests. A fixed 16 MB young
  # generation: executions leave little garbage that lives, and the default (a third of a
  # heap sized from the machine's memory) costs resident memory, not speed; 16 MB against 32
  # kept 12 MB less after 10,000 executions at the same throughput (docs/performance.md).
  # -Xms16m made start-up collect too often (+0.4 s). No -XX:+ExitOnOutOfMemoryError: a function's
  # OutOfMemoryError fails that execution only, and the runtime's HeapGuard ends the process
  # itself (status 3, executions in flight answered) when the heap cannot recover.
  JVM_FLAGS=(-XX:+UseSerialGC -Xmn16m -Djava.util.logging.manager=org.jboss.logmanager.LogManager)
  limit="$(memory_limit)"
  if [ -n "$limit" ]; then
    mapfile -t -O ${#JVM_FLAGS[@]} JVM_FLAGS < <(memory_flags "$limit")
  else
    JVM_FLAGS+=(-XX:MaxRAMPercentage=70)
  fi
  # glibc's malloc gives each thread that allocates at once an arena of its own, up to 8 per core,
  # which keep what they freed: two keep the JVM's native memory near what it uses.
  export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
  if [ -n "$version" ] && [ "$version" -ge 25 ]; then
    # The JIT's scratch memory, freed after a burst of compilations, stays with glibc's
    # malloc unless trimmed: 5 MB less RSS after 10,000 executions. (Not on 17-24: only some
    # of their updates know the flag, and an unknown flag stops the JVM.)
    JVM_FLAGS+=(-XX:TrimNativeHeapInterval=1000)
  fi
  archive_flags "$app" "${OPENRUNTIMES_PROTOCOL:-classic}" "${2:-}"
  JVM_FLAGS+=("${ARCHIVE_FLAGS[@]}")
}

# Sets ARCHIVE_FLAGS for the class archive jdk-<N>-<$2>.aot (.jsa on 17-24) in $1, the JVM's
# working directory: with $3 = train, to record it as the JVM exits; else to use it where it is
# there, or else an earlier layout's jdk-<N>.aot (.jsa); none where neither is.
archive_flags() {
  local version extension name
  version="$(java_version)"
  ARCHIVE_FLAGS=()
  [ -n "$version" ] && [ "$version" -ge 17 ] || return 0
  if [ "$version" -ge 25 ]; then extension=aot; else extension=jsa; fi
  name="jdk-$version${2:+-$2}.$extension"
  if [ "${3:-}" = train ]; then
    if [ "$extension" = aot ]; then ARCHIVE_FLAGS=(-XX:AOTCacheOutput="$name"); else ARCHIVE_FLAGS=(-XX:ArchiveClassesAtExit="$name"); fi
    return 0
  fi
  [ -f "$1/$name" ] || name="jdk-$version.$extension"
  [ -f "$1/$name" ] || return 0
  if [ "$extension" = aot ]; then ARCHIVE_FLAGS=(-XX:AOTCache="$name"); else ARCHIVE_FLAGS=(-XX:SharedArchiveFile="$name"); fi
}

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

# The builder's JVM (build.sh, and its training in src/build/runtime-home.sh): short-lived, so
# C1 alone (it starts faster than it loses on peak speed) and the serial collector.
BUILDER_FLAGS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)

# Sets JVM_FLAGS for the app in $1 (a quarkus-app folder, the JVM's working directory); with
# $2 = train, the JVM records the archive instead of reading it.
jvm_flags() {
  local app="$1" version
  version="$(java_version)"
  # Sized for a container: heap from its memory limit. Serial GC: least memory and start-up
  # work, and on a couple of cores as fast as any for short requests. A fixed 16 MB young
  # generation: executions leave little garbage that lives, and the default (a third of a
  # heap sized from the machine's memory) costs resident memory, not speed; 16 MB against 32
  # kept 12 MB less after 10,000 executions at the same throughput (docs/performance.md).
  # -Xms16m made start-up collect too often (+0.4 s). No -XX:+ExitOnOutOfMemoryError: a function's
  # OutOfMemoryError fails that execution only, and the runtime's HeapGuard ends the process
  # itself (status 3, executions in flight answered) when the heap cannot recover.
  JVM_FLAGS=(-XX:+UseSerialGC -Xmn16m -XX:MaxRAMPercentage=70
    -Djava.util.logging.manager=org.jboss.logmanager.LogManager)
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

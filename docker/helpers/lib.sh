# shellcheck shell=bash
# Sourced by the v5 helpers: their log lines (upstream's look: "[HH:MM:SS] [open-runtimes] ..."),
# the archive names they share, and the timings they append for the executor's telemetry.

# The names a build may write, in the order start looks for them (Appwrite copies in code.tar
# for an uncompressed build; upstream's tests unpack code.tar.gz to code.tar beside it).
# shellcheck disable=SC2034 # used by the scripts that source this
ARCHIVES=(code.sqfs code.tar code.tar.gz code.gz)

# printf's %(...)T is bash's own clock: no `date` process per line.
log() { printf '[%(%H:%M:%S)T] [open-runtimes] %s\n' -1 "$*"; }
success() { printf '\033[32m[%(%H:%M:%S)T] [open-runtimes] %s\033[0m\n' -1 "$*"; }
error() { printf '\033[31m[%(%H:%M:%S)T] [open-runtimes] %s\033[0m\n' -1 "$*" >&2; }
fail() { error "$@"; exit 1; }

# Microseconds since the epoch, from bash's clock (its decimal mark follows the locale: dropped).
now_us() { echo "${EPOCHREALTIME//[!0-9]/}"; }

# Appends "<key>=<seconds since $2 (from now_us), 3 decimals>" to the timings file in $3. Only
# telemetry: a file it cannot write is said, and never stops the function from being served.
record() {
  local took=$(( $(now_us) - $2 ))
  { printf '%s=%d.%03d\n' "$1" $(( took / 1000000 )) $(( took / 1000 % 1000 )) >>"$3"; } 2>/dev/null \
    || error "Timings not written: $3 is not writable."
}

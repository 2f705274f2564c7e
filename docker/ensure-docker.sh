#!/bin/bash
# Make sure a Docker engine is usable (CI on a fresh Debian machine, as root, no stdin).
# Idempotent: does nothing if `docker info` already answers.
set -eu

if docker info >/dev/null 2>&1; then
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive

# Install the engine only if the daemon binary is missing (a client alone may already be on PATH).
if ! command -v dockerd >/dev/null 2>&1; then
    # Refresh package lists only when apt does not know the package yet (saves time offline/cached).
    if ! apt-cache policy docker.io 2>/dev/null | grep -q 'Candidate: [0-9]'; then
        apt-get update -q
    fi
    apt-get install -y -q --no-install-recommends docker.io
fi

# No systemd here, so start the daemon ourselves; nohup keeps it alive after this script exits.
if ! pgrep -x dockerd >/dev/null 2>&1; then
    # A machine snapshot can keep the pid file of a dockerd that no longer runs; dockerd then refuses to start.
    for pidfile in /var/run/docker.pid /var/run/docker/containerd/containerd.pid; do
        if [ -f "$pidfile" ] && ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
            rm -f "$pidfile"
        fi
    done
    echo "Starting dockerd (log: /tmp/dockerd.log)"
    nohup dockerd --iptables=true >/tmp/dockerd.log 2>&1 </dev/null &
fi

# Bounded wait: fail loudly instead of hanging CI forever.
for _ in $(seq 60); do
    if docker info >/dev/null 2>&1; then
        exit 0
    fi
    sleep 1
done
echo "dockerd did not become ready within 60s; last log lines:" >&2
tail -n 30 /tmp/dockerd.log >&2 || true
exit 1

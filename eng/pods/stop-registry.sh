#!/usr/bin/env bash
# Stops the local registry setup.sh started (by the process id it recorded, and only if that process is still the
# registry); its images stay on disk for the next setup.sh.
# usage: eng/pods/stop-registry.sh
set -euo pipefail
source "$(dirname "$0")/env.sh"

pidfile="$PODSUITE_WORK/registry/pid"
[[ -f $pidfile ]] || { echo "no registry started by setup.sh"; exit 0; }
pid=$(<"$pidfile")
if [[ $(cat "/proc/$pid/comm" 2>/dev/null) == docker-registry* ]]; then
  kill "$pid"
  for _ in $(seq 50); do [[ -d /proc/$pid ]] || break; sleep 0.1; done
  if [[ -d /proc/$pid ]]; then
    echo "registry $pid did not stop within 5 s" >&2
    exit 1
  fi
  echo "stopped registry $pid"
else
  echo "registry $pid is not running"
fi
rm -f "$pidfile"

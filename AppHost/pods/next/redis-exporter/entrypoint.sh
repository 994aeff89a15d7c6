#!/bin/sh
# Runs the exporter, which reads REDIS_ADDR and REDIS_PASSWORD from the environment. As the container's first process
# it would take a stop's SIGTERM with exit code 2: the stop is passed on, and ends with 0.
set -eu
stopping=""
trap 'stopping=1; kill -TERM "$pid"' TERM INT
/usr/bin/prometheus-redis-exporter "$@" &
pid=$!
status=0
wait "$pid" || status=$?
if [ -n "$stopping" ]; then
  wait "$pid" 2>/dev/null || true
  exit 0
fi
exit "$status"

#!/bin/sh
# Writes twemproxy's configuration from the environment, into a file only this container sees, and runs it:
#   TWEMPROXY_SHARDS  the shards as name=host:port, separated by spaces. The app host renders the addresses from its
#                     model for each target (the local run, podman, Kubernetes); the names decide where each key goes,
#                     so a key lands on the same shard whatever the addresses are.
#   REDIS_AUTH        the pool's password, from the app's Secret: twemproxy sends it to every shard, and asks every
#                     client for the same one.
#   TWEMPROXY_PORT    where the app reaches it (6379).
set -euf
: "${TWEMPROXY_SHARDS:?set TWEMPROXY_SHARDS to the shards, as name=host:port separated by spaces}"
# In /tmp, readable by this container's user only (mode 600): in the pod, /tmp is an emptyDir the app's container
# mounts too, as another user.
conf=/tmp/nutcracker.yml
umask 077
{
  echo "ambassador:"
  echo "  listen: 0.0.0.0:${TWEMPROXY_PORT:-6379}"
  echo "  redis: true"
  # murmur spreads keys evenly; fnv1a_64 (twemproxy's usual example) sent 99 of 100 keys to one of two shards here.
  echo "  hash: murmur"
  echo "  distribution: ketama"
  # A shard that fails once is left out for server_retry_timeout ms; its keys hash to the others meanwhile.
  echo "  auto_eject_hosts: true"
  echo "  server_failure_limit: 1"
  echo "  server_retry_timeout: ${TWEMPROXY_RETRY_MS:-5000}"
  echo "  timeout: 1000"
  if [ -n "${REDIS_AUTH:-}" ]; then
    printf '  redis_auth: "%s"\n' "$(printf '%s' "$REDIS_AUTH" | sed 's/[\\"]/\\&/g')"
  fi
  echo "  servers:"
  for shard in $TWEMPROXY_SHARDS; do
    echo "   - ${shard#*=}:1 ${shard%%=*}"
  done
} >"$conf"
# nutcracker leaves on SIGINT only (with exit code 1), and as the container's first process it would ignore the
# SIGTERM a stop sends: the stop is passed on as SIGINT, and ends with 0.
stopping=""
trap 'stopping=1; kill -INT "$pid"' TERM INT
# --output: Debian's nutcracker logs to /var/log/nutcracker by default, which a read-only root cannot hold.
nutcracker --conf-file="$conf" --output=/dev/stderr --stats-addr=127.0.0.1 "$@" &
pid=$!
status=0
wait "$pid" || status=$?
if [ -n "$stopping" ]; then
  wait "$pid" 2>/dev/null || true
  exit 0
fi
exit "$status"

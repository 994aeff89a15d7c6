#!/bin/sh
# Writes twemproxy's configuration from the environment, into a file only this container sees, and runs it:
#   TWEMPROXY_SHARDS  the shards as name=host:port, separated by spaces. The app host renders the addresses from its
#                     model for each target (the local run, podman, Kubernetes); the names decide where each key goes,
#                     so a key lands on the same shard whatever the addresses are.
#   REDIS_AUTH        the pool's password, from the app's Secret: twemproxy sends it to every shard, and asks every
#                     client for the same one.
#   TWEMPROXY_PORT    where the app reaches it (6379).
set -eu
: "${TWEMPROXY_SHARDS:?set TWEMPROXY_SHARDS to the shards, as name=host:port separated by spaces}"
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
# nutcracker leaves on SIGINT only, and as the container's first process it would ignore the SIGTERM a stop sends.
nutcracker --conf-file="$conf" --output=/dev/stderr --stats-addr=127.0.0.1 "$@" &
trap 'kill -INT $!' TERM INT
wait $! || wait $!

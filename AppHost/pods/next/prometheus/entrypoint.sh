#!/bin/sh
# Writes Prometheus's configuration from the environment and runs it:
#   PROMETHEUS_TARGETS  what to scrape, as shard=host:port separated by spaces; each target's samples carry its
#                       shard as a label. The app host renders the addresses from its model for each target.
#   SCRAPE_INTERVAL     how often (5s).
set -euf
: "${PROMETHEUS_TARGETS:?set PROMETHEUS_TARGETS to the adapters, as shard=host:port separated by spaces}"
conf=/tmp/prometheus.yml
{
  echo "global:"
  echo "  scrape_interval: ${SCRAPE_INTERVAL:-5s}"
  echo "scrape_configs:"
  echo "  - job_name: redis"
  echo "    static_configs:"
  for target in $PROMETHEUS_TARGETS; do
    echo "      - targets: ['${target#*=}']"
    echo "        labels: {shard: '${target%%=*}'}"
  done
} >"$conf"
exec prometheus --config.file="$conf" --storage.tsdb.path=/prometheus --web.listen-address=:9090 "$@"

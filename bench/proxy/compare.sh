#!/usr/bin/env bash
# Compares settings of the PodSuite proxy: one proxy per given environment, all in front of the same web app, and
# nginx with 1 worker as the reference, driven by wrk in rotating order over several rounds; prints each round and
# the means. How each tuning step in bench/RESULTS.md was measured.
# usage: bench/proxy/compare.sh ROUNDS 'NAME=VALUE ...' ['NAME=VALUE ...' ...]   ('' runs the proxy as it is)
#   e.g. bench/proxy/compare.sh 6 '' 'DOTNET_gcServer=1'          (needs nginx and wrk: apt-get install nginx wrk)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=$1; shift
connections=32 duration=5s
source bench/proxy/servers.sh

webapp=5100
start_webapp "$webapp"
ports=() names=()
for settings in "$@"; do
  port=$((5190 + ${#ports[@]}))
  read -r -a environment <<<"$settings"
  start_proxy "$port" "${environment[@]}"
  ports+=("$port") names+=("proxy ${settings:-as it is}")
done
start_nginx nginx-1 1 5181 "127.0.0.1:$webapp"
ports+=(5181) names+=("nginx 1 worker")
for port in "${ports[@]}"; do warm_up "$port" "$connections"; done

declare -A sum result
count=${#ports[@]}
for round in $(seq "$rounds"); do
  for k in $(seq 0 $((count - 1))); do
    j=$(( (k + round) % count ))
    measure "${ports[$j]}" "$connections" "$duration"
    sum[$j]=$(( ${sum[$j]:-0} + last_rps ))
    result[$j]="$last_rps req/s, p99 $last_p99 ms"
  done
  for j in $(seq 0 $((count - 1))); do echo "round $round: ${names[$j]}: ${result[$j]}"; done
done
for j in $(seq 0 $((count - 1))); do echo "mean: ${names[$j]}: $(( sum[$j] / rounds )) req/s"; done

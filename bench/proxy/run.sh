#!/usr/bin/env bash
# The proxy benchmark: the web app reached directly, through PodSuite's YARP proxy (Release, the routes file of the
# mc3 pod, telemetry on as in the pod), and through Debian's nginx 1.22 with 1 and with 2 workers, each driven by wrk
# with the same connections and duration, over several rounds in rotating order. Records the table in bench/RESULTS.md.
# usage: bench/proxy/run.sh [ROUNDS] [DURATION] [CONNECTIONS]      (needs nginx and wrk: apt-get install nginx wrk)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
duration=${2:-6s}
connections=${3:-32}
path=/api/info
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for conf in "$work"/nginx-*.conf; do [[ -f $conf ]] && nginx -p "$work" -c "$conf" -s stop 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

webapp_port=5100 proxy_port=5180
dotnet build -c Release -v quiet -nologo services/WebApp >/dev/null
dotnet build -c Release -v quiet -nologo services/Proxy >/dev/null

ASPNETCORE_URLS=http://127.0.0.1:$webapp_port DOTNET_ENVIRONMENT=Production \
  dotnet services/WebApp/bin/Release/net10.0/WebApp.dll >"$work/webapp.log" 2>&1 &
pids+=($!)
ASPNETCORE_URLS=http://127.0.0.1:$proxy_port DOTNET_ENVIRONMENT=Production \
  Proxy__RoutesFile="$PWD/AppHost/pods/mc3/proxy-routes.json" services__webapp__http__0=http://127.0.0.1:$webapp_port \
  dotnet services/Proxy/bin/Release/net10.0/Proxy.dll >"$work/proxy.log" 2>&1 &
pids+=($!)
for workers in 1 2; do
  sed -e "s#WORKERS#$workers#g" -e "s#WORK#$work#g" -e "s#WEBAPP_PORT#$webapp_port#" -e "s#LISTEN_PORT#$((5180 + workers))#" \
    bench/proxy/nginx.conf.template >"$work/nginx-$workers.conf"
  nginx -p "$work" -c "$work/nginx-$workers.conf"
done

declare -A url=([direct]=$webapp_port [podsuite]=$proxy_port [nginx-1]=5181 [nginx-2]=5182)
targets=(direct podsuite nginx-1 nginx-2)
for target in "${targets[@]}"; do
  until curl -fs -o /dev/null "http://127.0.0.1:${url[$target]}$path"; do sleep 0.2; done
  wrk -t1 -c"$connections" -d2s "http://127.0.0.1:${url[$target]}$path" >/dev/null   # warm-up
done

# wrk's latency lines are like "50%  412.00us" or "99%    1.53ms": convert to milliseconds.
ms() { awk -v p="$1%" '$1 == p { v = $2; if (v ~ /us$/) { sub("us", "", v); v /= 1000 } else if (v ~ /ms$/) { sub("ms", "", v) } else if (v ~ /s$/) { sub("s", "", v); v *= 1000 } printf "%.2f", v }'; }
declare -A rps p50 p99
rows=""
for round in $(seq "$rounds"); do
  order=("${targets[@]:$((round % 4))}" "${targets[@]:0:$((round % 4))}")
  for target in "${order[@]}"; do
    out=$(wrk -t1 -c"$connections" -d"$duration" --latency "http://127.0.0.1:${url[$target]}$path")
    rps[$target]=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
    p50[$target]=$(ms 50 <<<"$out")
    p99[$target]=$(ms 99 <<<"$out")
  done
  best=$(( rps[nginx-1] > rps[nginx-2] ? rps[nginx-1] : rps[nginx-2] ))
  best_p99=$([[ $best == "${rps[nginx-1]}" ]] && echo "${p99[nginx-1]}" || echo "${p99[nginx-2]}")
  row="| $round |"
  for target in "${targets[@]}"; do row+=" ${rps[$target]} / ${p50[$target]} / ${p99[$target]} |"; done
  row+=" $(awk -v a="${rps[podsuite]}" -v b="$best" 'BEGIN { printf "%.2fx", a / b }') | $(awk -v a="${rps[podsuite]}" -v b="${rps[direct]}" 'BEGIN { printf "%.2fx", a / b }') | ${p99[podsuite]} vs ${best_p99} |"
  rows+="$row"$'\n'
done

section=$(cat <<MD
## Proxy: PodSuite's YARP proxy against nginx

\`bench/proxy/run.sh $rounds $duration $connections\` on $(date -u +%Y-%m-%d), $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), .NET $(dotnet --version), $(nginx -v 2>&1 | sed 's#nginx version: ##'), wrk -t1 -c$connections -d$duration --latency, GET $path of the web app.
Everything on one 2-core machine: wrk, the proxy and the web app share the cores. Each cell: requests/s / p50 ms / p99 ms.

| round | direct | PodSuite proxy | nginx 1 worker | nginx 2 workers | proxy / best nginx | proxy / direct | p99 proxy vs best nginx (ms) |
|---|---|---|---|---|---|---|---|
$rows
MD
)
printf '%s\n' "$section"
printf '%s\n' "$section" | bench/record-section.py proxy

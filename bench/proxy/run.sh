#!/usr/bin/env bash
# The proxy benchmark: the web app reached directly; through PodSuite's YARP proxy (Release, the routes file of the
# mc3 pod, telemetry on as in the pod) over the Unix socket the mc3 pod uses, and over TCP h2c for comparison; and
# through Debian's nginx 1.22 at its best: 1 or 2 workers, with a keep-alive upstream over TCP or over a Unix socket,
# whichever is fastest in the round. Each is driven by wrk with the same connections and duration, over several rounds
# in rotating order, and the CPU time each process used is read from /proc around every run. Records the tables in
# bench/RESULTS.md.
# usage: bench/proxy/run.sh [ROUNDS] [DURATION] [CONNECTIONS]      (needs nginx and wrk: apt-get install nginx wrk)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
duration=${2:-6s}
connections=${3:-32}
source bench/proxy/servers.sh
hz=$(getconf CLK_TCK)

declare -A port=([direct]=5100 [podsuite]=5180 [podsuite-tcp]=5185 [nginx-1]=5181 [nginx-2]=5182 [nginx-1-socket]=5183 [nginx-2-socket]=5184)
declare -A front=([direct]="")
start_webapp "${port[direct]}"
start_proxy "${port[podsuite]}"; front[podsuite]=$last_pid
start_proxy_over_tcp "${port[podsuite-tcp]}" "${port[direct]}"; front[podsuite-tcp]=$last_pid
for workers in 1 2; do
  start_nginx "nginx-$workers" "$workers" "${port[nginx-$workers]}" "127.0.0.1:${port[direct]}"
  start_nginx "nginx-$workers-socket" "$workers" "${port[nginx-$workers-socket]}" "unix:$webapp_http1_socket"
done
nginxes=(nginx-1 nginx-2 nginx-1-socket nginx-2-socket)
targets=(direct podsuite podsuite-tcp "${nginxes[@]}")
for target in "${targets[@]}"; do warm_up "${port[$target]}" "$connections"; done
for nginx in "${nginxes[@]}"; do front[$nginx]=$(nginx_workers "$nginx" | tr '\n' ' '); done

# µs of CPU per request: the process in front (proxy or nginx's workers) and the web app, one list per target.
declare -A rps p50 p99 cpu_front cpu_webapp
per_request() { awk -v t="$1" -v n="$2" -v hz="$hz" 'BEGIN { printf "%.1f", t * 1e6 / hz / n }'; }
rows=""
ratios=()
p99_worse=0
load=$(cut -d' ' -f1 /proc/loadavg)
for round in $(seq "$rounds"); do
  order=("${targets[@]:$((round % ${#targets[@]}))}" "${targets[@]:0:$((round % ${#targets[@]}))}")
  for target in "${order[@]}"; do
    # shellcheck disable=SC2086 # front[...] is a list of process ids
    f0=$(cpu_ticks ${front[$target]}) w0=$(cpu_ticks "$webapp_pid")
    measure "${port[$target]}" "$connections" "$duration"
    # shellcheck disable=SC2086
    f1=$(cpu_ticks ${front[$target]}) w1=$(cpu_ticks "$webapp_pid")
    rps[$target]=$last_rps p50[$target]=$last_p50 p99[$target]=$last_p99
    cpu_front[$target]+="$(per_request $((f1 - f0)) "$last_requests") "
    cpu_webapp[$target]+="$(per_request $((w1 - w0)) "$last_requests") "
  done
  best=0
  for nginx in "${nginxes[@]}"; do
    if (( rps[$nginx] > best )); then best=${rps[$nginx]} best_p99=${p99[$nginx]} best_name=$nginx; fi
  done
  row="| $round |"
  for target in "${targets[@]}"; do row+=" ${rps[$target]} / ${p50[$target]} / ${p99[$target]} |"; done
  ratios+=("$(awk -v a="${rps[podsuite]}" -v b="$best" 'BEGIN { printf "%.2f", a / b }')")
  p99_worse=$((p99_worse + $(awk -v a="${p99[podsuite]}" -v b="$best_p99" 'BEGIN { print (a > b) ? 1 : 0 }')))
  row+=" $best_name | ${ratios[-1]}x | $(awk -v a="${rps[podsuite]}" -v b="${rps[podsuite-tcp]}" 'BEGIN { printf "%.2fx", a / b }') | ${p99[podsuite]} vs ${best_p99} |"
  rows+="$row"$'\n'
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { printf "%.1f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
range() { tr ' ' '\n' | grep -v '^$' | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.1f-%.1f", lo, hi }'; }
cpu_rows=""
for target in "${targets[@]}"; do
  f=${cpu_front[$target]} w=${cpu_webapp[$target]}
  total=$(paste <(tr ' ' '\n' <<<"$f" | grep -v '^$') <(tr ' ' '\n' <<<"$w" | grep -v '^$') | awk '{ printf "%.1f ", $1 + $2 }')
  if [[ $target == direct ]]; then front_cell="-"; else front_cell="$(median <<<"$f") ($(range <<<"$f"))"; fi
  cpu_rows+="| $target | $front_cell | $(median <<<"$w") ($(range <<<"$w")) | $(median <<<"$total") ($(range <<<"$total")) |"$'\n'
done

section=$(cat <<MD
## Proxy: PodSuite's YARP proxy against nginx

\`bench/proxy/run.sh $rounds $duration $connections\` on $(date -u +%Y-%m-%d). Machine: $(bench/machine.sh); load average $load at the start.
.NET $(dotnet --version), $(nginx -v 2>&1 | sed 's#nginx version: ##'), wrk -t1 -c$connections -d$duration --latency, GET $path of the web app.
Everything on one 2-core machine: wrk, the proxy and the web app share the cores. Each cell: requests/s / p50 ms / p99 ms.
The PodSuite proxy reaches the web app as in the mc3 pod, with h2c over the Unix socket in their shared volume
(\`podsuite\`), and, for comparison, with h2c over TCP (\`podsuite-tcp\`). nginx speaks HTTP/1.1 with keep-alive to
the web app's TCP port or to an HTTP/1.1 listener of the web app's on a Unix socket that exists for this benchmark only.

| round | direct | PodSuite proxy, socket | PodSuite proxy, TCP | nginx 1 worker, TCP | nginx 2 workers, TCP | nginx 1 worker, socket | nginx 2 workers, socket | best nginx | proxy (socket) / best nginx | socket / TCP | p99 proxy vs best nginx (ms) |
|---|---|---|---|---|---|---|---|---|---|---|---|
$rows
Proxy (socket) / best nginx across the rounds: **$(bench/spread.sh "${ratios[@]}")**; the proxy's p99 was worse than best nginx's in $p99_worse of $rounds rounds (target: median 1.1x or better, p99 no worse).

CPU per request, µs, median (min-max) over the rounds, from /proc/<pid>/stat around each wrk run (wrk's own not counted):

| path | proxy or nginx workers | web app | both |
|---|---|---|---|
$cpu_rows
MD
)
printf '%s\n' "$section"
printf '%s\n' "$section" | bench/record-section.py proxy

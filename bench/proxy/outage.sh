#!/usr/bin/env bash
# The proxy while its web app is down: the same proxy (Release, the mc3 pod's routes file) in front of a live web app
# and in front of a port nothing listens on, each driven by wrk with the same connections and duration, over several
# rounds. Measures requests/s of each (502s for the dead one) and what the failing proxy writes to its log. Records the
# table in bench/RESULTS.md.
# usage: bench/proxy/outage.sh [ROUNDS] [DURATION] [CONNECTIONS]      (needs wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
duration=${2:-10s}
connections=${3:-32}
source bench/proxy/servers.sh

live=5200 dead=5300 live_proxy=5280 dead_proxy=5380
start_webapp "$live"
start_proxy "$live_proxy" "$live"
start_proxy "$dead_proxy" "$dead"
warm_up "$live_proxy" "$connections"
until curl -s -o /dev/null "http://127.0.0.1:$dead_proxy/health"; do sleep 0.2; done
wrk -t1 -c"$connections" -d5s "http://127.0.0.1:$dead_proxy$path" >/dev/null
dead_log="$work/proxy-$dead_proxy.log"

rows="" ratios=()
for round in $(seq "$rounds"); do
  measure "$live_proxy" "$connections" "$duration"
  live_rps=$last_rps
  before_bytes=$(stat -c %s "$dead_log") before_lines=$(wc -l <"$dead_log")
  out=$(wrk -t1 -c"$connections" -d"$duration" "http://127.0.0.1:$dead_proxy$path")
  dead_rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $5 }' <<<"$out")
  bytes=$(( $(stat -c %s "$dead_log") - before_bytes )) lines=$(( $(wc -l <"$dead_log") - before_lines ))
  ratio=$(awk -v a="$dead_rps" -v b="$live_rps" 'BEGIN { printf "%.2f", a / b }')
  ratios+=("$ratio")
  rows+="| $round | $live_rps | $dead_rps (${non2xx:-0} non-2xx) | ${ratio}x | $lines | $bytes |"$'\n'
done
spread=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ v[NR] = $1 } END { printf "median %.2fx, min %.2fx, max %.2fx", v[int((NR + 1) / 2)], v[1], v[NR] }')

section=$(cat <<MD
## Proxy: a web app that is down

\`bench/proxy/outage.sh $rounds $duration $connections\` on $(date -u +%Y-%m-%d), $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), kernel $(uname -r), .NET $(dotnet --version), wrk -t1 -c$connections -d$duration, GET $path.
The same proxy build in front of a live web app, and in front of a port nothing listens on (every answer a 502). Log
lines and bytes: what the failing proxy wrote during its run.

| round | live backend req/s | dead backend req/s | dead / live | log lines | log bytes |
|---|---|---|---|---|---|
$rows
Dead / live across rounds: $spread.
MD
)
printf '%s\n' "$section"
printf '%s\n' "$section" | bench/record-section.py proxy-outage

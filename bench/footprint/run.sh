#!/usr/bin/env bash
# Footprint of each service as it runs in its pod (Release, JIT, framework-dependent): time from process start to
# ready (web apps: /health answers; log-writer: its page exists; run-to-completion steps: exit 0) and resident
# memory (VmRSS one second after ready for servers, peak VmHWM for steps that exit). Records bench/RESULTS.md.
# usage: bench/footprint/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
for project in LogWriter StaticSite IpcDemo WebApp Proxy InitMyService InitMyDb MyApp; do
  dotnet build -c Release -v quiet -nologo "services/$project" >/dev/null
done
dll() { echo "services/$1/bin/Release/net10.0/$1.dll"; }
export DOTNET_ENVIRONMENT=Production
now_ms() { date +%s%3N; }
kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }

rows=""
# measure NAME KIND READY-COMMAND -- COMMAND...   (KIND: server or step)
measure() {
  local name=$1 kind=$2 ready=$3; shift 4
  local start pid ready_at rss peak=0
  start=$(now_ms)
  "$@" >"$work/$name.log" 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    peak=$(( $(kb "$pid" VmHWM) > peak ? $(kb "$pid" VmHWM) : peak ))
    if [[ $kind == server ]] && eval "$ready"; then break; fi
    sleep 0.02
  done
  ready_at=$(now_ms)
  if [[ $kind == server ]]; then
    sleep 1
    rss=$(kb "$pid" VmRSS)
    kill "$pid"; wait "$pid" 2>/dev/null || true
  else
    wait "$pid"
    rss=$peak
  fi
  rows+="| $name | $kind | $((ready_at - start)) | $((rss / 1024)) |"$'\n'
}

mkdir -p "$work/html" "$work/data"
key=$((RANDOM * 32768 + RANDOM + 1))
measure webapp server 'curl -fs -o /dev/null http://127.0.0.1:5200/health' -- env ASPNETCORE_URLS=http://127.0.0.1:5200 dotnet "$(dll WebApp)"
ASPNETCORE_URLS=http://127.0.0.1:5200 dotnet "$(dll WebApp)" >/dev/null 2>&1 &
webapp=$!
until curl -fs -o /dev/null http://127.0.0.1:5200/health; do sleep 0.1; done
measure proxy server 'curl -fs -o /dev/null http://127.0.0.1:5201/health' -- env ASPNETCORE_URLS=http://127.0.0.1:5201 \
  Proxy__RoutesFile="$PWD/AppHost/pods/mc3/proxy-routes.json" services__webapp__http__0=http://127.0.0.1:5200 dotnet "$(dll Proxy)"
measure static-site server 'curl -fs -o /dev/null http://127.0.0.1:5202/health' -- env ASPNETCORE_URLS=http://127.0.0.1:5202 StaticSite__Root="$work/html" dotnet "$(dll StaticSite)"
measure log-writer server "[[ -f $work/html/index.html ]]" -- env LogWriter__Directory="$work/html" dotnet "$(dll LogWriter)"
measure init-myservice step true -- env InitMyService__Url=http://127.0.0.1:5200/health dotnet "$(dll InitMyService)"
measure init-mydb step true -- env MyDb__Directory="$work/data" dotnet "$(dll InitMyDb)"
measure myapp server 'curl -fs -o /dev/null http://127.0.0.1:5203/health' -- env ASPNETCORE_URLS=http://127.0.0.1:5203 MyDb__Directory="$work/data" dotnet "$(dll MyApp)"
env Ipc__QueueKey=$key dotnet "$(dll IpcDemo)" consume >/dev/null 2>&1 &
consumer=$!
measure producer step true -- env Ipc__QueueKey=$key dotnet "$(dll IpcDemo)" produce
wait "$consumer"
kill "$webapp"; wait "$webapp" 2>/dev/null || true
key=$((key + 1))
env Ipc__QueueKey=$key dotnet "$(dll IpcDemo)" produce >/dev/null 2>&1
measure consumer step true -- env Ipc__QueueKey=$key dotnet "$(dll IpcDemo)" consume

section=$(cat <<MD
## Footprint: start-up and resident memory per service

\`bench/footprint/run.sh\` on $(date -u +%Y-%m-%d), $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), .NET $(dotnet --version); Release builds run with JIT
(framework-dependent), as in the images. Ready: a server's \`/health\` answers (log-writer: its page exists); a step
(run to completion) has exited. Memory: VmRSS one second after ready for servers, the peak (VmHWM) for steps.

| service | kind | start to ready (ms) | resident memory (MB) |
|---|---|---|---|
$rows
MD
)
printf '%s\n' "$section"
printf '%s\n' "$section" | bench/record-section.py footprint

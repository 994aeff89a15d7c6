#!/usr/bin/env bash
# Footprint of each service as it runs in its pod: time from process start to ready (web apps: /health answers;
# log-writer: its page exists; run-to-completion steps: exit 0) and resident memory (VmRSS one second after ready for
# servers, the peak for steps that exit, from GNU time). Every service runs with the JIT (Release, framework-dependent, as the app
# host runs it); the sidecars and init steps also as published for their images, Native AOT (services/Sidecar.props).
# Each runs from its output directory, as from /app in its image, so its appsettings.json applies.
# Records bench/RESULTS.md.
# usage: bench/footprint/run.sh [ROUNDS]      (medians over the rounds; needs GNU time: apt-get install time)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
servers=(WebApp Proxy StaticSite MyApp)
sidecars=(LogWriter IpcDemo InitMyService InitMyDb)
for project in "${servers[@]}" "${sidecars[@]}"; do
  dotnet build -c Release -v quiet -nologo "services/$project" >/dev/null
done
for project in "${sidecars[@]}"; do
  dotnet publish -c Release -v quiet -nologo "services/$project" -o "$work/aot/$project" >/dev/null
done
export DOTNET_ENVIRONMENT=Production
now_ms() { date +%s%3N; }
kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }

# run MODE PROJECT ARGS...: starts a service in the foreground of a subshell, from its output directory.
run() {
  local mode=$1 project=$2; shift 2
  if [[ $mode == jit ]]; then
    cd "services/$project/bin/Release/net10.0" && exec dotnet "$project.dll" "$@"
  else
    cd "$work/aot/$project" && exec "./$project" "$@"
  fi
}

declare -A ms mb
# measure NAME MODE KIND READY-COMMAND -- NAME=VALUE... -- PROJECT ARGS...   (KIND: server or step; at least one
# NAME=VALUE: with none, export would list the environment into the log)
measure() {
  local name=$1 mode=$2 kind=$3 ready=$4; shift 5
  local environment=()
  while [[ $1 != -- ]]; do environment+=("$1"); shift; done
  shift
  local start pid ready_at rss
  start=$(now_ms)
  if [[ $kind == server ]]; then
    (export "${environment[@]}"; run "$mode" "$@") >"$work/$name.$mode.log" 2>&1 &
  else
    # A step can be over in 30 ms, too soon to sample: GNU time reports its peak from the kernel.
    (export "${environment[@]}"; exec /usr/bin/time -f %M -o "$work/$name.$mode.peak" bash -c "$(declare -f run); work=$work; run $mode $*") \
      >"$work/$name.$mode.log" 2>&1 &
  fi
  pid=$!
  if [[ $kind == server ]]; then
    until eval "$ready"; do
      kill -0 "$pid" 2>/dev/null || { echo "$name ($mode) stopped:" >&2; cat "$work/$name.$mode.log" >&2; exit 1; }
      sleep 0.02
    done
    ready_at=$(now_ms)
    sleep 1
    rss=$(kb "$pid" VmRSS)
    kill "$pid"; wait "$pid" 2>/dev/null || true
  else
    wait "$pid" || { echo "$name ($mode) failed:" >&2; cat "$work/$name.$mode.log" >&2; exit 1; }
    ready_at=$(now_ms)
    rss=$(cat "$work/$name.$mode.peak")
  fi
  ms[$name.$mode]+="$((ready_at - start)) "
  mb[$name.$mode]+="$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }') "
}

mkdir -p "$work/html" "$work/data"
for round in $(seq "$rounds"); do
  measure webapp jit server 'curl -fs -o /dev/null http://127.0.0.1:5200/health' -- "ASPNETCORE_URLS=http://127.0.0.1:5200;http://127.0.0.1:5204" \
    WebApp__ProxyPort=5204 -- WebApp
  (export "ASPNETCORE_URLS=http://127.0.0.1:5200;http://127.0.0.1:5204" WebApp__ProxyPort=5204; run jit WebApp) >/dev/null 2>&1 &
  webapp=$!
  until curl -fs -o /dev/null http://127.0.0.1:5200/health; do sleep 0.1; done
  measure proxy jit server 'curl -fs -o /dev/null http://127.0.0.1:5201/health' -- ASPNETCORE_URLS=http://127.0.0.1:5201 \
    Proxy__RoutesFile="$PWD/AppHost/pods/mc3/proxy-routes.json" services__webapp__http__0=http://127.0.0.1:5200 \
    services__webapp__h2c__0=http://127.0.0.1:5204 -- Proxy
  measure static-site jit server 'curl -fs -o /dev/null http://127.0.0.1:5202/health' -- ASPNETCORE_URLS=http://127.0.0.1:5202 StaticSite__Root="$work/html" -- StaticSite
  rm -rf "$work/data"/*
  for mode in jit aot; do
    rm -f "$work/html/index.html"
    measure log-writer $mode server "[[ -f $work/html/index.html ]]" -- LogWriter__Directory="$work/html" -- LogWriter
    measure init-myservice $mode step true -- InitMyService__Url=http://127.0.0.1:5200/health InitOrder__Directory="$work/data" -- InitMyService
    # The first init-mydb of a round creates the database; the second finds it current (myapp's usual restart).
    measure init-mydb $mode step true -- MyDb__Directory="$work/data" InitOrder__Directory="$work/data" -- InitMyDb
  done
  measure myapp jit server 'curl -fs -o /dev/null http://127.0.0.1:5203/health' -- ASPNETCORE_URLS=http://127.0.0.1:5203 MyDb__Directory="$work/data" InitOrder__Directory="$work/data" -- MyApp
  kill "$webapp"; wait "$webapp" 2>/dev/null || true
  for mode in jit aot; do
    key=$((RANDOM * 32768 + RANDOM + 1))
    (export Ipc__QueueKey=$key; run "$mode" IpcDemo consume) >/dev/null 2>&1 &
    consumer=$!
    measure producer $mode step true -- Ipc__QueueKey=$key -- IpcDemo produce
    wait "$consumer"
    key=$((key + 1))
    (export Ipc__QueueKey=$key; run "$mode" IpcDemo produce) >/dev/null 2>&1
    measure consumer $mode step true -- Ipc__QueueKey=$key -- IpcDemo consume
  done
done

median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
cell() { [[ -n ${ms[$1.$2]:-} ]] && echo "$(median "${ms[$1.$2]}") | $(median "${mb[$1.$2]}")" || echo "– | –"; }
rows=""
for name in webapp proxy static-site myapp; do rows+="| $name | server | $(cell $name jit) | $(cell $name aot) |"$'\n'; done
for name in log-writer producer consumer init-myservice init-mydb; do
  kind=$([[ $name == log-writer ]] && echo "sidecar (server)" || echo "sidecar (step)")
  rows+="| $name | $kind | $(cell $name jit) | $(cell $name aot) |"$'\n'
done

section=$(cat <<MD
## Footprint: start-up and resident memory per service

\`bench/footprint/run.sh $rounds\` on $(date -u +%Y-%m-%d), $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), .NET $(dotnet --version); medians of $rounds rounds.
JIT: the Release build run with \`dotnet\` (as the app host runs it). Native AOT: \`dotnet publish\` of a sidecar or init
step, the executable its image runs (services/Sidecar.props); the servers are not published that way (–). Ready: a
server's \`/health\` answers (log-writer: its page exists); a step has exited 0. Memory: VmRSS one second after ready for
servers, the peak (GNU time's maximum resident set) for steps. No OTLP endpoint is set, as in the published manifests.

| service | kind | JIT start to ready (ms) | JIT resident (MB) | Native AOT start to ready (ms) | Native AOT resident (MB) |
|---|---|---|---|---|---|
$rows
MD
)
printf '%s\n' "$section"
printf '%s\n' "$section" | bench/record-section.py footprint

#!/usr/bin/env bash
# The generated pods under podman: image sizes, and the time from `podman kube play` to every pod ready (proxy,
# static site and myapp answering, mc2's consumer exited). Needs eng/pods/setup.sh; builds the images first.
# usage: bench/pods/startup.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
source eng/pods/env.sh
rounds=${1:-3}

eng/pods/build-images.sh >/dev/null
# play.sh runs the app host to publish: build it now, or the first round would time a compile.
dotnet build AppHost -v quiet -nologo >/dev/null
ready() {
  curl -fs -o /dev/null localhost:8080/health && curl -fs -o /dev/null localhost:8081/ &&
    curl -fs -o /dev/null localhost:8082/api/items &&
    [[ $(podman inspect mc2-consumer --format '{{.State.Status}}' 2>/dev/null) == exited ]]
}

rows=""
for round in $(seq "$rounds"); do
  eng/pods/down.sh
  start=$(date +%s.%N)
  eng/pods/play.sh >/dev/null 2>&1
  played=$(date +%s.%N)
  until ready; do sleep 0.1; done
  done_at=$(date +%s.%N)
  rows+="| $round | $(awk -v a="$start" -v b="$played" 'BEGIN { printf "%.1f", b - a }') | $(awk -v a="$start" -v b="$done_at" 'BEGIN { printf "%.1f", b - a }') |"$'\n'
done
eng/pods/down.sh

size() { podman image ls --format '{{.Size}}' "$1" | head -1; }
images=""
for project in LogWriter StaticSite IpcDemo WebApp Proxy InitMyService InitMyDb MyApp; do
  repository=$(tr '[:upper:]' '[:lower:]' <<<"$project")
  aot=$(dotnet msbuild "services/$project" -getProperty:PublishAot)
  images+="| \`$PODSUITE_REGISTRY/$repository:$PODSUITE_TAG\` | $([[ $aot == true ]] && echo "Native AOT, on runtime-deps" || echo "JIT, on aspnet") | $(size "$PODSUITE_REGISTRY/$repository:$PODSUITE_TAG") |"$'\n'
done

section=$(cat <<MD
## Pods under podman: image sizes and start-up

\`bench/pods/startup.sh $rounds\` on $(date -u +%Y-%m-%d), $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(podman --version).
Images from \`dotnet publish -t:PublishContainer\` (Release) on the base images of \`eng/pods/setup.sh\`: runtime-deps
($(size "$PODSUITE_REGISTRY/dotnet/runtime-deps:10.0"): minbase Debian 12 with ca-certificates, ICU and OpenSSL) for the Native AOT sidecars and init
steps, aspnet ($(size "$PODSUITE_REGISTRY/dotnet/aspnet:10.0"): the same with the .NET and ASP.NET Core runtimes) for the rest. Sizes as podman
reports them, each including its base.

| image | build | size |
|---|---|---|
$images

Start-up: seconds from running \`eng/pods/play.sh\` (which publishes the manifests for podman, then \`podman kube play\`)
to the command returning, and to every pod ready: the mc3 proxy, the mc1 static site and myapp (after its two init
containers) answering on their host ports, and mc2's consumer exited.

| round | play.sh returned (s) | all pods ready (s) |
|---|---|---|
$rows
MD
)
printf '%s\n' "$section"
printf '%s\n' "$section" | bench/record-section.py pods

#!/usr/bin/env bash
# The generated pods under podman: image sizes, and the time from a deploy of images already built (the app host's
# deploy-pods step, which plays the pods and waits until each is ready) to every pod ready. Needs eng/pods/setup.sh.
# usage: bench/pods/startup.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
source eng/pods/env.sh
rounds=${1:-3}
step() { dotnet run --project AppHost --no-build -- --operation publish --step "$1" --PodSuite:Runtime=Podman; }

dotnet build AppHost -v quiet -nologo >/dev/null
built=$(step deploy-pods)   # builds what the registry lacks; the rounds then time the pods alone
rows=""
for round in $(seq "$rounds"); do
  step destroy-pods >/dev/null
  start=$(date +%s.%N)
  step deploy-pods >/dev/null
  rows+="| $round | $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') |"$'\n'
done
step destroy-pods >/dev/null

size() { podman image ls --format '{{.Size}}' "$1" | head -1; }
images=""
for image in $(grep -oE "$PODSUITE_REGISTRY/[a-z0-9]+:src-[0-9a-f]+" <<<"$built" | sort -u); do
  repository=${image#"$PODSUITE_REGISTRY/"}; repository=${repository%%:*}
  project=$(ls services | awk -v r="$repository" 'tolower($0) == r')
  aot=$(dotnet msbuild "services/$project" -getProperty:PublishAot)
  images+="| \`$image\` | $([[ $aot == true ]] && echo "Native AOT, on runtime-deps" || echo "JIT, on aspnet") | $(size "$image") |"$'\n'
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

Start-up: seconds from running \`--step deploy-pods\` with every image in the registry already (after \`--step
destroy-pods\`) until it returns, which is when every pod is ready: init containers done, readiness answering, mc2's
members exited 0.

| round | deploy-pods until every pod is ready (s) |
|---|---|
$rows
MD
)
printf '%s\n' "$section"
printf '%s\n' "$section" | bench/record-section.py pods

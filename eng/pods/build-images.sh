#!/usr/bin/env bash
# Builds an image per service project with the .NET SDK (dotnet publish -t:PublishContainer: no Dockerfile, no Docker
# daemon) on a base image from setup.sh, and pushes it to the local registry, named as the manifests expect:
# localhost:5055/<project, lower-case>:latest.
# usage: eng/pods/build-images.sh
set -euo pipefail
source "$(dirname "$0")/env.sh"

projects=(LogWriter StaticSite IpcDemo WebApp Proxy InitMyService InitMyDb MyApp)
for project in "${projects[@]}"; do
  repository=$(tr '[:upper:]' '[:lower:]' <<<"$project")
  # A Native AOT executable (services/Sidecar.props) needs no .NET runtime in its image.
  if [[ $(dotnet msbuild "$PODSUITE_ROOT/services/$project" -getProperty:PublishAot) == true ]]; then base=runtime-deps; else base=aspnet; fi
  echo "== $PODSUITE_REGISTRY/$repository:$PODSUITE_TAG (on $base)"
  dotnet publish "$PODSUITE_ROOT/services/$project" -c Release -t:PublishContainer -v quiet -nologo \
    -p:ContainerBaseImage="$PODSUITE_REGISTRY/dotnet/$base:10.0" \
    -p:ContainerRegistry="$PODSUITE_REGISTRY" \
    -p:ContainerRepository="$repository" \
    -p:ContainerImageTag="$PODSUITE_TAG"
  # The pods pull IfNotPresent: refresh podman's own copy, or they would keep running an image built before.
  podman pull -q --tls-verify=false "$PODSUITE_REGISTRY/$repository:$PODSUITE_TAG" >/dev/null
done

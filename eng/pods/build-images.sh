#!/usr/bin/env bash
# Builds an image per service project with the .NET SDK (dotnet publish -t:PublishContainer: no Dockerfile, no Docker
# daemon) on the base image from setup.sh, and pushes it to the local registry, named as the manifests expect:
# localhost:5055/<project, lower-case>:latest.
# usage: eng/pods/build-images.sh
set -euo pipefail
source "$(dirname "$0")/env.sh"

projects=(LogWriter StaticSite IpcDemo WebApp Proxy InitMyService InitMyDb MyApp)
for project in "${projects[@]}"; do
  repository=$(tr '[:upper:]' '[:lower:]' <<<"$project")
  echo "== $PODSUITE_REGISTRY/$repository:$PODSUITE_TAG"
  dotnet publish "$PODSUITE_ROOT/services/$project" -c Release -t:PublishContainer -v quiet -nologo \
    -p:ContainerBaseImage="$PODSUITE_REGISTRY/dotnet/aspnet:10.0" \
    -p:ContainerRegistry="$PODSUITE_REGISTRY" \
    -p:ContainerRepository="$repository" \
    -p:ContainerImageTag="$PODSUITE_TAG"
done

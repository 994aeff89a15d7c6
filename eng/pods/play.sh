#!/usr/bin/env bash
# Runs PodSuite's pods with podman kube play, from the same app model as manifests/, published for podman
# (--PodSuite:Runtime=Podman: host ports instead of Services, see the README). Needs setup.sh and build-images.sh.
# usage: eng/pods/play.sh        (eng/pods/down.sh stops and removes exactly these pods)
set -euo pipefail
source "$(dirname "$0")/env.sh"

manifests="$PODSUITE_WORK/manifests-podman"
rm -rf "$manifests"   # this script's own output: published afresh each time
dotnet run --project "$PODSUITE_ROOT/AppHost" -- --operation publish --step publish --output-path "$manifests" \
  --PodSuite:Runtime=Podman --PodSuite:Registry="$PODSUITE_REGISTRY" --PodSuite:ImageTag="$PODSUITE_TAG" >/dev/null
kubectl kustomize "$manifests" >"$PODSUITE_WORK/pods.yaml"
podman kube play --quiet "$PODSUITE_WORK/pods.yaml"
podman pod ps --filter label=app.kubernetes.io/managed-by=podsuite --format '{{.Name}} {{.Status}}' 2>/dev/null || podman pod ps

#!/usr/bin/env bash
# Stops and removes the pods play.sh started (the Pods named in the YAML it played) and nothing else; pods already
# gone are skipped.
# usage: eng/pods/down.sh
set -euo pipefail
source "$(dirname "$0")/env.sh"

played="$PODSUITE_WORK/pods.yaml"
[[ -f $played ]] || exit 0
pods=$(awk '/^---/ { kind = "" } /^kind: / { kind = $2 } kind == "Pod" && /^  name: / { print $2 }' "$played")
for pod in $pods; do
  if podman pod exists "$pod"; then
    podman pod rm --force --time 5 "$pod" >/dev/null
  fi
done

#!/usr/bin/env bash
# Shipping the pods under podman with the app host's own step, as the README says to: the seconds of
#   cold:        every image built from scratch and pushed (no Release build output, a fresh tag), then every pod
#                deployed and ready;
#   no change:   the same command again: no image built, no pod restarted;
#   one service: after a change to the web app's source: its image rebuilt and its pod (mc3) replaced, nothing else.
# Each as a ratio to the scripts it replaced (eng/pods/build-images.sh then play.sh, about 175 s here). Records the
# table in bench/RESULTS.md. Needs eng/pods/setup.sh.
# usage: bench/pods/deploy.sh [ROUNDS] [BASELINE_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-2}
baseline=${2:-175}
changed=services/WebApp/Program.cs
backup=$(mktemp)
cp "$changed" "$backup"
trap 'cp "$backup" "$changed"; rm -f "$backup"' EXIT

step() { dotnet run --project AppHost -- --operation publish --step "$1" --PodSuite:Runtime=Podman "${@:2}"; }
timed() {
  local start log=$(mktemp)
  start=$(date +%s.%N)
  if ! step "$@" >"$log" 2>&1; then cat "$log" >&2; rm -f "$log"; exit 1; fi
  last_seconds=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  last_log=$(grep -E "Images: |Pod [a-z0-9-]+: " "$log" | sed 's/^ *//' | tr '\n' ';' | sed 's/;$//; s/;/; /g')
  rm -f "$log"
}
ratio() { awk -v a="$1" -v b="$baseline" 'BEGIN { printf "%.3fx", a / b }'; }

dotnet build AppHost -v quiet -nologo >/dev/null
rows=""
for round in $(seq "$rounds"); do
  step destroy-pods >/dev/null
  rm -rf services/*/bin/Release services/*/obj/Release   # no build output to reuse: a cold build
  timed deploy-pods "--PodSuite:ImageTag=bench-cold-$(date +%s)"
  cold=$last_seconds
  step destroy-pods >/dev/null
  step deploy-pods >/dev/null     # the content-tagged images and pods, as a user's first deploy leaves them
  timed deploy-pods
  none=$last_seconds none_log=$last_log
  echo "// bench/pods/deploy.sh round $round at $(date +%s.%N)" >>"$changed"
  timed deploy-pods
  one=$last_seconds one_log=$last_log
  cp "$backup" "$changed"
  rows+="| $round | $cold ($(ratio "$cold")) | $none ($(ratio "$none")) | $one ($(ratio "$one")) |"$'\n'
done
step destroy-pods >/dev/null

section=$(cat <<MD
## Shipping the pods: deploy, redeploy

\`bench/pods/deploy.sh $rounds $baseline\` on $(date -u +%Y-%m-%d), $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), kernel $(uname -r), $(podman --version).
Seconds of \`dotnet run --project AppHost -- --operation publish --step deploy-pods --PodSuite:Runtime=Podman\` (the app
host already built), until it returns with every pod ready; in brackets, the ratio to the $baseline s of the scripts it
replaced (\`eng/pods/build-images.sh\` then \`play.sh\`). Cold: every image built from scratch (no Release build output,
a fresh tag). No change: the same command again. One service: after a one-line change to the web app.

| round | cold | no change | one service |
|---|---|---|---|
$rows
Targets: no change at most 0.1x, one service at most 0.3x. What the last round's redeploys did:
- no change: $none_log
- one service: $one_log
MD
)
printf '%s\n' "$section"
printf '%s\n' "$section" | bench/record-section.py deploy

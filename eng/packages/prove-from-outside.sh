#!/usr/bin/env bash
# PodSuite as a user gets it: packs the packages into a folder feed, installs the template from that feed, makes an app
# host with it in a temporary directory outside this repository (no project reference into it), restores it from the
# feed, publishes its pod, validates the manifests, runs it, and checks that names Kubernetes would refuse are refused.
# Exits non-zero on the first failure. Needs kubectl, npm, curl and unzip, which .ci/run installs.
#   bash eng/packages/prove-from-outside.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
apphost_pid=

# Everything this script makes is under $work: the feed, the template hive, the app, and the NuGet folder the PodSuite
# packages are restored into (the machine's own folder is only read, as a fallback, so its cache is never changed and
# a stale PodSuite package in it cannot stand in for the one just packed).
cleanup() {
  if [[ -n "$apphost_pid" ]] && kill -0 "$apphost_pid" 2>/dev/null; then
    kill -TERM -- "-$apphost_pid" 2>/dev/null || true
    for _ in $(seq 30); do kill -0 "$apphost_pid" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$apphost_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

fail() { echo "prove-from-outside: $*" >&2; exit 1; }
seconds_since() { echo $(( $(date +%s%N) / 1000000 - $1 )) | awk '{ printf "%.1f", $1 / 1000 }'; }
kib() { stat -c %s "$1" | awk '{ printf "%.1f KiB", $1 / 1024 }'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

machine_packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
export NUGET_PACKAGES="$work/packages"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_UI_LANGUAGE=en
hive="$work/hive"
feed="$work/feed"

echo "== pack"
dotnet pack "$repo/PodSuite.sln" -c Release -o "$feed" -v quiet -nologo >"$work/pack.log" 2>&1 || { cat "$work/pack.log"; fail "dotnet pack failed"; }
kubernetes_nupkg=$(ls "$feed"/PodSuite.Hosting.Kubernetes.*.nupkg | grep -v snupkg)
version=$(basename "$kubernetes_nupkg" .nupkg | sed 's/^PodSuite\.Hosting\.Kubernetes\.//')
for id in PodSuite.Hosting PodSuite.Hosting.Kubernetes PodSuite.Templates; do
  [[ -f "$feed/$id.$version.nupkg" ]] || fail "no $id $version in the feed"
  size="$(kib "$feed/$id.$version.nupkg")"
  [[ -f "$feed/$id.$version.snupkg" ]] && size="$size (symbols $(kib "$feed/$id.$version.snupkg"))"
  printf '%-28s %s  %s\n' "$id" "$version" "$size"
done

# What a user's restore reads: the dependencies, licence, README, repository and symbols of each package.
nuspec() { unzip -p "$feed/$1.$version.nupkg" "$1.nuspec"; }
expect() { grep -qF -- "$2" <<<"$1" || fail "$3"; }
for id in PodSuite.Hosting PodSuite.Hosting.Kubernetes; do
  spec=$(nuspec "$id")
  expect "$spec" '<license type="expression">MIT</license>' "$id has no licence expression"
  expect "$spec" '<readme>README.md</readme>' "$id has no README"
  expect "$spec" '<repository type="git"' "$id has no repository metadata"
  expect "$spec" '<dependency id="Aspire.Hosting" version="13.6.5"' "$id does not depend on Aspire.Hosting 13.6.5 or later"
  [[ -f "$feed/$id.$version.snupkg" ]] || fail "$id has no symbol package"
  unzip -l "$feed/$id.$version.nupkg" | grep -q "lib/net10.0/$id.xml" || fail "$id has no XML documentation"
  [[ $(grep -c '<dependency ' <<<"$spec") -eq $([[ $id == PodSuite.Hosting ]] && echo 1 || echo 3) ]] \
    || fail "$id depends on more than it asks for: $(grep -o '<dependency id="[^"]*"' <<<"$spec" | tr '\n' ' ')"
done
spec=$(nuspec PodSuite.Hosting.Kubernetes)
expect "$spec" "<dependency id=\"PodSuite.Hosting\" version=\"[$version]\"" "PodSuite.Hosting.Kubernetes does not depend on exactly PodSuite.Hosting $version"
expect "$spec" '<dependency id="KubernetesClient" version="19.0.2"' "PodSuite.Hosting.Kubernetes does not depend on KubernetesClient 19.0.2"

echo "== install the template from the feed"
dotnet new install "PodSuite.Templates::$version" --add-source "$feed" --debug:custom-hive "$hive" >"$work/install.log" 2>&1 \
  || { cat "$work/install.log"; fail "the template did not install from the feed"; }

# The app's own NuGet.config: the feed, and the machine's packages as a read-only fallback.
mkdir -p "$work/apps"
cat >"$work/apps/NuGet.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="podsuite-feed" value="$feed" />
  </packageSources>
  <fallbackPackageFolders>
    <add key="machine" value="$machine_packages" />
  </fallbackPackageFolders>
</configuration>
EOF

echo "== dotnet new podsuite-apphost -n Shop, then publish"
start=$(now_ms)
(cd "$work/apps" && dotnet new podsuite-apphost -n Shop --debug:custom-hive "$hive" >/dev/null) || fail "dotnet new podsuite-apphost failed"
app="$work/apps/Shop"
if grep -rhoE '(ProjectReference|AddProject)[^>]*"[^"]*\.csproj"' "$app" | grep -oE '"[^"]*\.csproj"' | grep -v '^"\.\./Shop\.'; then
  fail "the app refers to a project outside itself"
fi
(cd "$app/Shop.AppHost" && dotnet build -nologo -v quiet >"$work/build.log" 2>&1) || { cat "$work/build.log"; fail "the new app host did not build"; }
[[ -d "$NUGET_PACKAGES/podsuite.hosting.kubernetes/$version" && -d "$NUGET_PACKAGES/podsuite.hosting/$version" ]] \
  || fail "the PodSuite packages were not restored from the feed at $version"
(cd "$app/Shop.AppHost" && timeout 300 dotnet run --no-build -- \
  --operation publish --step publish-kubernetes-pods --output-path ../manifests >"$work/publish.log" 2>&1) \
  || { cat "$work/publish.log"; fail "the new app host did not publish"; }
echo "dotnet new to published manifests: $(seconds_since "$start") s (restore and build included)"

echo "== validate the manifests"
[[ -d "$repo/eng/validate-manifests/node_modules" ]] \
  || npm ci --prefix "$repo/eng/validate-manifests" --no-audit --no-fund --loglevel=error >/dev/null
kubectl kustomize "$app/manifests" >"$work/built.yaml"
node "$repo/eng/validate-manifests/validate.mjs" "$work/built.yaml"
deployment="$app/manifests/shop/deployment.yaml"
[[ -f "$deployment" ]] || fail "no pod 'shop' in the manifests"
for expected in "name: notes" "name: web" "app.kubernetes.io/part-of: shop" "emptyDir"; do
  grep -q "$expected" "$deployment" || fail "the pod 'shop' lacks '$expected'"
done
[[ $(grep -c "name: pages$" "$deployment") -ge 3 ]] || fail "the shared volume 'pages' is not mounted in both containers"

echo "== dotnet run, until the web app serves the sidecar's page"
url=$(grep -o '"applicationUrl": "[^"]*"' "$app/Shop.Web/Properties/launchSettings.json" | sed 's/.*: "//; s/"$//')
setsid bash -c "cd '$app/Shop.AppHost' && exec dotnet run --no-build" >"$work/run.log" 2>&1 &
apphost_pid=$!
served=
for _ in $(seq 120); do
  if curl -fsS --max-time 2 "$url/" 2>/dev/null | grep -q "Written by the sidecar"; then served=yes; break; fi
  kill -0 "$apphost_pid" 2>/dev/null || break
  sleep 1
done
[[ -n "$served" ]] || { cat "$work/run.log"; fail "the web app did not serve the sidecar's page at $url within 120 s"; }
echo "the web app at $url serves the page its sidecar wrote"
kill -TERM "$apphost_pid"
for _ in $(seq 60); do kill -0 "$apphost_pid" 2>/dev/null || break; sleep 1; done
kill -0 "$apphost_pid" 2>/dev/null && fail "the app host did not stop within 60 s of SIGTERM"
apphost_pid=

echo "== names from -n that Kubernetes or Aspire refuse"
refused() {  # refused NAME STEP MESSAGE: the app made with -n NAME fails at STEP (build or publish), saying MESSAGE.
  local dir="$work/apps/refused" status=0
  rm -rf "$dir" && mkdir -p "$dir"
  (cd "$dir" && dotnet new podsuite-apphost -n "$1" -o app --debug:custom-hive "$hive" >/dev/null) || fail "dotnet new -n $1 failed"
  cd "$dir"/app/*.AppHost
  if [[ $2 == build ]]; then
    dotnet build -nologo -v quiet >"$work/refused.log" 2>&1 || status=$?
  else
    dotnet build -nologo -v quiet >/dev/null 2>&1 || fail "-n $1 did not build"
    timeout 300 dotnet run --no-build -- --operation publish --step publish-kubernetes-pods \
      --output-path ../manifests >"$work/refused.log" 2>&1 || status=$?
  fi
  cd "$repo"
  [[ $status -ne 0 ]] || fail "-n $1: the $2 succeeded"
  grep -qF -- "$3" "$work/refused.log" || { cat "$work/refused.log"; fail "-n $1: the $2 failed without saying '$3'"; }
  [[ ! -e "$dir/app/manifests" ]] || fail "-n $1: a refused publish wrote manifests"
  echo "-n $1: the $2 refuses it: $(grep -oF -- "$3" "$work/refused.log" | head -1)"
}
refused 1shop build "Resource name '1shop' is invalid. Name must start with an ASCII letter."
long=$(printf 'a%.0s' $(seq 64))
refused "$long" publish "Resource name '$long' breaks Kubernetes' rule for an RFC 1123 label"

echo "prove-from-outside: PodSuite $version installed, published and run from outside the repository"

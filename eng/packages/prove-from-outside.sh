#!/usr/bin/env bash
# PodSuite as a user gets it: packs the packages into a folder feed, installs the template from that feed, makes an app
# host with it in a temporary directory outside this repository (no project reference into it), restores it from the
# feed, publishes its pod, validates the manifests, runs it, and checks that names Kubernetes would refuse are refused.
# Exits non-zero on the first failure; every step has a time limit. Needs kubectl, npm, curl and unzip (.ci/run
# installs them).
#   bash eng/packages/prove-from-outside.sh
set -euo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_UI_LANGUAGE=en
# No build servers outlive this script: MSBuild nodes, the MSBuild server and the compiler server are not reused.
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 UseSharedCompilation=false
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
apphost_group=

# Everything this script makes is under $work: the feed, the template hive, the apps, the NuGet folder and HTTP cache
# the app restores into, and the temporary files of what it runs. The machine's NuGet folder is only read, as a
# fallback for the packages it already holds (Aspire's); the PodSuite packages are packed at a version of their own.
stop_apphost() {  # stop_apphost SECONDS: SIGTERM to the app host, then to its whole process group; true when it is empty.
  kill -TERM "$apphost_group" 2>/dev/null || true
  local deadline=$((SECONDS + $1))
  while kill -0 -- "-$apphost_group" 2>/dev/null && ((SECONDS < deadline)); do sleep 1; done
  if kill -0 -- "-$apphost_group" 2>/dev/null; then
    kill -TERM -- "-$apphost_group" 2>/dev/null || true
    sleep 5
    kill -KILL -- "-$apphost_group" 2>/dev/null || true
    return 1
  fi
}
cleanup() {
  if [[ -n "$apphost_group" ]]; then stop_apphost 30 || true; fi
  rm -rf "$work" || true
}
trap cleanup EXIT

fail() { echo "prove-from-outside: $*" >&2; exit 1; }
kib() { stat -c %s "$1" | awk '{ printf "%.1f KiB", $1 / 1024 }'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
seconds_since() { echo $(( $(now_ms) - $1 )) | awk '{ printf "%.1f", $1 / 1000 }'; }
in_time() { timeout -k 10 "$@"; }   # in_time SECONDS COMMAND...: the command, killed if it outlasts SECONDS

machine_packages=$(in_time 60 dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
hive="$work/hive"
feed="$work/feed"

echo "== pack"
# At a version no earlier pack on this machine can have had: MinVer's, with a pre-release identifier of this run's. The
# repository restores into the machine's NuGet folder, as its own builds do.
proof_id="proof.$(date +%s).$$"
in_time 900 dotnet pack "$repo/PodSuite.sln" -c Release -o "$feed" -v quiet -nologo \
  -p:MinVerDefaultPreReleaseIdentifiers="preview.0.$proof_id" >"$work/pack.log" 2>&1 \
  || { cat "$work/pack.log"; fail "dotnet pack failed"; }
kubernetes_nupkg=$(find "$feed" -name 'PodSuite.Hosting.Kubernetes.*.nupkg')
[[ -n "$kubernetes_nupkg" ]] || fail "no PodSuite.Hosting.Kubernetes package in the feed"
version=$(basename "$kubernetes_nupkg" .nupkg | sed 's/^PodSuite\.Hosting\.Kubernetes\.//')
for id in PodSuite.Hosting PodSuite.Hosting.Kubernetes PodSuite.Templates; do
  [[ -f "$feed/$id.$version.nupkg" ]] || fail "no $id $version in the feed"
  size="$(kib "$feed/$id.$version.nupkg")"
  [[ -f "$feed/$id.$version.snupkg" ]] && size="$size (symbols $(kib "$feed/$id.$version.snupkg"))"
  printf '%-28s %s  %s\n' "$id" "$version" "$size"
done

export NUGET_PACKAGES="$work/packages" NUGET_HTTP_CACHE_PATH="$work/http-cache" TMPDIR="$work/tmp"
mkdir -p "$TMPDIR"

# What a user's restore reads: the dependencies, licence, README, repository and symbols of each package.
nuspec() { unzip -p "$feed/$1.$version.nupkg" "$1.nuspec"; }
expect() { grep -qF -- "$2" <<<"$1" || fail "$3"; }
for id in PodSuite.Hosting PodSuite.Hosting.Kubernetes; do
  spec=$(nuspec "$id")
  expect "$spec" '<license type="expression">MIT</license>' "$id has no licence expression"
  expect "$spec" '<readme>README.md</readme>' "$id has no README"
  expect "$spec" "<repository type=\"git\"" "$id has no repository metadata"
  expect "$spec" "commit=\"$(git -C "$repo" rev-parse HEAD)\"" "$id does not name the commit it was packed from"
  expect "$spec" '<dependency id="Aspire.Hosting" version="13.6.5"' "$id does not depend on Aspire.Hosting 13.6.5 or later"
  [[ -f "$feed/$id.$version.snupkg" ]] || fail "$id has no symbol package"
  expect "$(unzip -l "$feed/$id.$version.nupkg")" "lib/net10.0/$id.xml" "$id has no XML documentation"
  if [[ ${CI:-} == true ]]; then   # a CI build maps its source paths to /_/ (ContinuousIntegrationBuild)
    unzip -p "$feed/$id.$version.nupkg" "lib/net10.0/$id.dll" >"$work/assembly.dll"
    if grep -qaF -- "$repo" "$work/assembly.dll"; then fail "$id's assembly names the directory it was built in"; fi
  fi
  [[ $(grep -c '<dependency ' <<<"$spec") -eq $([[ $id == PodSuite.Hosting ]] && echo 1 || echo 3) ]] \
    || fail "$id depends on more than it asks for: $(grep -o '<dependency id="[^"]*"' <<<"$spec" | tr '\n' ' ')"
done
spec=$(nuspec PodSuite.Hosting.Kubernetes)
expect "$spec" "<dependency id=\"PodSuite.Hosting\" version=\"[$version]\"" "PodSuite.Hosting.Kubernetes does not depend on exactly PodSuite.Hosting $version"
expect "$spec" '<dependency id="KubernetesClient" version="19.0.2"' "PodSuite.Hosting.Kubernetes does not depend on KubernetesClient 19.0.2"

# The apps' own NuGet.config, as a user's beside their app host: the machine's sources and the feed, and (this
# script's alone) the machine's packages as a read-only fallback.
mkdir -p "$work/apps"
cd "$work/apps"
cat >NuGet.config <<EOF
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

echo "== install the template from the feed"
in_time 300 dotnet new install "PodSuite.Templates::$version" --debug:custom-hive "$hive" >"$work/install.log" 2>&1 \
  || { cat "$work/install.log"; fail "the template did not install from the feed"; }

echo "== dotnet new podsuite-apphost -n Shop, then publish"
start=$(now_ms)
in_time 120 dotnet new podsuite-apphost -n Shop --debug:custom-hive "$hive" >/dev/null || fail "dotnet new podsuite-apphost failed"
app="$work/apps/Shop"
(cd "$app/Shop.AppHost" && in_time 600 dotnet build -nologo -v quiet >"$work/build.log" 2>&1) \
  || { cat "$work/build.log"; fail "the new app host did not build"; }
[[ -d "$NUGET_PACKAGES/podsuite.hosting.kubernetes/$version" && -d "$NUGET_PACKAGES/podsuite.hosting/$version" ]] \
  || fail "the PodSuite packages were not restored from the feed at $version"
(cd "$app/Shop.AppHost" && in_time 300 dotnet run --no-build -- \
  --operation publish --step publish-kubernetes-pods --output-path ../manifests >"$work/publish.log" 2>&1) \
  || { cat "$work/publish.log"; fail "the new app host did not publish"; }
echo "dotnet new to published manifests: $(seconds_since "$start") s (restore and build included)"
if grep -rlIF -- "$repo" "$app"; then fail "the app names the repository it was not to depend on (the files above)"; fi

echo "== validate the manifests"
[[ -d "$repo/eng/validate-manifests/node_modules" ]] \
  || in_time 300 npm ci --prefix "$repo/eng/validate-manifests" --no-audit --no-fund --loglevel=error >/dev/null
in_time 60 kubectl kustomize "$app/manifests" >"$work/built.yaml"
in_time 60 node "$repo/eng/validate-manifests/validate.mjs" "$work/built.yaml"
deployment="$app/manifests/shop/deployment.yaml"
[[ -f "$deployment" ]] || fail "no pod 'shop' in the manifests"
for expected in "name: notes" "name: web" "app.kubernetes.io/part-of: shop" "emptyDir"; do
  grep -q "$expected" "$deployment" || fail "the pod 'shop' lacks '$expected'"
done
[[ $(grep -c "name: pages$" "$deployment") -ge 3 ]] || fail "the shared volume 'pages' is not mounted in both containers"

echo "== dotnet run, until the web app serves the sidecar's page"
url=$(grep -o '"applicationUrl": "[^"]*"' "$app/Shop.Web/Properties/launchSettings.json" | sed 's/.*: "//; s/"$//') \
  || fail "Shop.Web's launch settings name no applicationUrl"
setsid bash -c 'cd "$1" && exec dotnet run --no-build' _ "$app/Shop.AppHost" >"$work/run.log" 2>&1 &
apphost_group=$!
served=
deadline=$((SECONDS + 120))
while ((SECONDS < deadline)) && kill -0 "$apphost_group" 2>/dev/null; do
  page=$(curl -fsS --max-time 2 "$url/" 2>/dev/null || true)
  if [[ $page == *"Written by the sidecar"* ]]; then served=yes; break; fi
  sleep 1
done
[[ -n "$served" ]] || { cat "$work/run.log"; fail "the web app did not serve the sidecar's page at $url within 120 s"; }
echo "the web app at $url serves the page its sidecar wrote"
stop_apphost 60 || fail "the app host and what it started did not all stop within 60 s of SIGTERM"
apphost_group=

echo "== names from -n that Kubernetes or Aspire refuse"
refused() {  # refused NAME STEP MESSAGE: the app made with -n NAME fails at STEP (build or publish), saying MESSAGE.
  local dir="$work/apps/refused" status=0
  rm -rf "$dir" && mkdir -p "$dir"
  (cd "$dir" && in_time 120 dotnet new podsuite-apphost -n "$1" -o app --debug:custom-hive "$hive" >/dev/null) \
    || fail "dotnet new -n $1 failed"
  local apphost=("$dir"/app/*.AppHost)
  if [[ $2 == build ]]; then
    (cd "${apphost[0]}" && in_time 600 dotnet build -nologo -v quiet >"$work/refused.log" 2>&1) || status=$?
  else
    (cd "${apphost[0]}" && in_time 600 dotnet build -nologo -v quiet >/dev/null 2>&1) || fail "-n $1 did not build"
    (cd "${apphost[0]}" && in_time 300 dotnet run --no-build -- --operation publish --step publish-kubernetes-pods \
      --output-path ../manifests >"$work/refused.log" 2>&1) || status=$?
  fi
  [[ $status -ne 0 && $status -ne 124 && $status -ne 137 ]] || fail "-n $1: the $2 did not fail by itself (exit $status)"
  grep -qF -- "$3" "$work/refused.log" || { cat "$work/refused.log"; fail "-n $1: the $2 failed without saying '$3'"; }
  [[ ! -e "$dir/app/manifests" ]] || fail "-n $1: a refused publish wrote manifests"
  echo "-n $1: the $2 refuses it: $(grep -oF -- "$3" "$work/refused.log" | head -1)"
}
refused 1shop build "Resource name '1shop' is invalid. Name must start with an ASCII letter."
long=$(printf 'a%.0s' $(seq 64))
refused "$long" publish "Resource name '$long' breaks Kubernetes' rule for an RFC 1123 label"

echo "prove-from-outside: PodSuite $version installed, published and run from outside the repository"

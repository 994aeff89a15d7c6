#!/usr/bin/env bash
# Prepares this machine to run PodSuite's generated pods without a cluster: podman (with runc and cgroupfs, which
# work on these kernels), base images built from Debian packages (and this machine's .NET runtime), and a local
# registry on localhost:5055 holding them. Idempotent; needs root (apt-get, /etc/containers).
# usage: eng/pods/setup.sh
set -euo pipefail
source "$(dirname "$0")/env.sh"

# gcc and zlib1g-dev: the Native AOT sidecars (services/Sidecar.props) link with them when their images are built.
if ! command -v podman >/dev/null || ! command -v debootstrap >/dev/null || ! command -v docker-registry >/dev/null ||
  ! command -v gcc >/dev/null || ! dpkg -s zlib1g-dev >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman runc debootstrap docker-registry gcc zlib1g-dev >/dev/null
fi

# crun fails on this kernel's hybrid cgroups and on high rlimits; runc with cgroupfs works. A drop-in, so a
# containers.conf of the machine's own stays as it is.
mkdir -p /etc/containers/containers.conf.d
cat >/etc/containers/containers.conf.d/podsuite.conf <<'CONF'
[containers]
default_ulimits = ["nofile=1024:1024", "nproc=4096:4096"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
CONF
mkdir -p /etc/containers/registries.conf.d
cat >/etc/containers/registries.conf.d/podsuite-local-registry.conf <<CONF
[[registry]]
location = "$PODSUITE_REGISTRY"
insecure = true
CONF

# The local registry, started once and left running (eng/pods/stop-registry.sh stops it).
if ! curl -fsS "http://$PODSUITE_REGISTRY/v2/" >/dev/null 2>&1; then
  mkdir -p "$PODSUITE_WORK/registry"
  cat >"$PODSUITE_WORK/registry/config.yml" <<CONF
version: 0.1
storage:
  filesystem:
    rootdirectory: $PODSUITE_WORK/registry/data
http:
  addr: $PODSUITE_REGISTRY
CONF
  nohup docker-registry serve "$PODSUITE_WORK/registry/config.yml" >"$PODSUITE_WORK/registry/registry.log" 2>&1 &
  echo $! >"$PODSUITE_WORK/registry/pid"
  for _ in $(seq 50); do curl -fsS "http://$PODSUITE_REGISTRY/v2/" >/dev/null 2>&1 && break; sleep 0.2; done
  curl -fsS "http://$PODSUITE_REGISTRY/v2/" >/dev/null
fi

# The base images (no public registry here), from one minimal Debian: runtime-deps for the Native AOT sidecars, and
# aspnet, the same with this machine's .NET and ASP.NET Core runtimes, for everything else.
deps="$PODSUITE_REGISTRY/dotnet/runtime-deps:10.0"
base="$PODSUITE_REGISTRY/dotnet/aspnet:10.0"
in_registry() {
  local repository=${1#"$PODSUITE_REGISTRY/"}
  curl -fsS "http://$PODSUITE_REGISTRY/v2/${repository%:*}/manifests/${repository##*:}" \
    -H 'Accept: application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json' >/dev/null 2>&1
}
import_rootfs() {
  local rootfs=$1 image=$2; shift 2
  tar -C "$rootfs" -cf "$PODSUITE_WORK/rootfs.tar" .
  podman import -q --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' "$@" "$PODSUITE_WORK/rootfs.tar" "$image" >/dev/null
  podman push -q "$image" >/dev/null
  rm -f "$PODSUITE_WORK/rootfs.tar"
}
if ! in_registry "$deps" || ! in_registry "$base"; then
  rootfs="$PODSUITE_WORK/rootfs"
  rm -rf "$rootfs"
  # From the mirror apt uses here, so it works wherever apt does, behind a company's mirror too.
  debootstrap --variant=minbase --include=ca-certificates,libicu72,libssl3 bookworm "$rootfs" "$("$(dirname "$0")/debian-mirror.sh" bookworm)" >/dev/null
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  import_rootfs "$rootfs" "$deps" --change 'ENV APP_UID=1654'
  dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
  mkdir -p "$rootfs/usr/share/dotnet/shared"
  cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$rootfs/usr/share/dotnet/"
  cp -a "$dotnet_root/shared/Microsoft.NETCore.App" "$dotnet_root/shared/Microsoft.AspNetCore.App" "$rootfs/usr/share/dotnet/shared/"
  ln -sf /usr/share/dotnet/dotnet "$rootfs/usr/bin/dotnet"
  import_rootfs "$rootfs" "$base" --change 'ENV APP_UID=1654' --change 'ENV DOTNET_ROOT=/usr/share/dotnet'
  rm -rf "$rootfs"
fi
# Redis and PostgreSQL for the samples' databases, and an image for their waits (Docker Hub cannot be reached here),
# from Debian's packages. The databases keep the contract Aspire relies on in the official images (redis, postgres):
# the same ports, data paths, environment variables, init scripts and user (uid and gid 999); see eng/pods/images/.
# Manifests for users still name the official images: the samples are pointed at these by configuration
# (PodSuite__Images__<resource>, PodSuite__WaitImage; README).
redis="$PODSUITE_REGISTRY/debian/redis:7.0"
postgres="$PODSUITE_REGISTRY/debian/postgres:15"
debian_rootfs() {
  local rootfs=$1 user=$2; shift 2
  rm -rf "$rootfs"
  debootstrap --variant=minbase --include="$1" bookworm "$rootfs" "$("$(dirname "$0")/debian-mirror.sh" bookworm)" >/dev/null
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  [ -n "$user" ] || return 0
  # The official images' user is 999:999, and a volume made for them is owned so.
  local old_uid
  old_uid=$(chroot "$rootfs" id -u "$user")
  chroot "$rootfs" groupmod -g 999 "$user"
  chroot "$rootfs" usermod -u 999 -g 999 "$user"
  chroot "$rootfs" find / -xdev -uid "$old_uid" -exec chown -h 999:999 {} +
}
# What waits for another pod's Service (PodSuite:WaitImage; busybox by default, whose nc Debian builds without -z):
# sh, sleep and an nc with -z and -w (netcat-openbsd).
wait_image="$PODSUITE_REGISTRY/debian/netcat:bookworm"
if ! in_registry "$wait_image"; then
  rootfs="$PODSUITE_WORK/rootfs-netcat"
  debian_rootfs "$rootfs" "" netcat-openbsd
  import_rootfs "$rootfs" "$wait_image"
  rm -rf "$rootfs"
fi
if ! in_registry "$redis"; then
  rootfs="$PODSUITE_WORK/rootfs-redis"
  debian_rootfs "$rootfs" redis redis-server
  install -d -o 999 -g 999 "$rootfs/data"
  import_rootfs "$rootfs" "$redis" --change 'WORKDIR /data' --change 'EXPOSE 6379' --change 'CMD ["redis-server"]'
  rm -rf "$rootfs"
fi
if ! in_registry "$postgres"; then
  rootfs="$PODSUITE_WORK/rootfs-postgres"
  debian_rootfs "$rootfs" postgres postgresql-15
  # Debian's package makes a cluster of its own; the entry point makes the one the image's settings ask for.
  rm -rf "$rootfs/etc/postgresql/15" "$rootfs/var/lib/postgresql/15"
  install -d -o 999 -g 999 -m 0755 "$rootfs/var/lib/postgresql" "$rootfs/var/run/postgresql"
  install -d -m 0755 "$rootfs/docker-entrypoint-initdb.d"
  install -m 0755 "$(dirname "$0")/images/postgres-entrypoint.sh" "$rootfs/usr/local/bin/docker-entrypoint.sh"
  import_rootfs "$rootfs" "$postgres" \
    --change 'ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV PGDATA=/var/lib/postgresql/15/docker' --change 'EXPOSE 5432' \
    --change 'ENTRYPOINT ["docker-entrypoint.sh"]' --change 'CMD ["postgres"]' --change 'STOPSIGNAL SIGINT'
  rm -rf "$rootfs"
fi
# The Aspire dashboard that deploys publish with the pods (Microsoft's registry cannot be reached here): the standalone
# dashboard NuGet ships (Aspire.Dashboard.Sdk.linux-x64, at the app host's Aspire version), on the runtime-deps image.
aspire_version=$(sed -n 's:.*<AspireVersion>\(.*\)</AspireVersion>.*:\1:p' "$PODSUITE_ROOT/Directory.Packages.props")
dashboard="$PODSUITE_REGISTRY/aspire-dashboard:$aspire_version"
if ! in_registry "$dashboard"; then
  packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: *//; s:/$::')
  tools="$packages/aspire.dashboard.sdk.linux-x64/$aspire_version/tools"
  [ -d "$tools" ] || dotnet restore "$PODSUITE_ROOT/AppHost" >/dev/null
  if [ ! -d "$tools" ]; then
    echo "setup: the dashboard's files are not in $tools after restoring AppHost: is Aspire.Dashboard.Sdk.linux-x64 $aspire_version served by the NuGet feed?" >&2
    exit 1
  fi
  staged="$PODSUITE_WORK/dashboard"
  rm -rf "$staged"
  cp -r "$tools" "$staged"
  chmod -R a+rX "$staged"
  container=$(podman create "$deps" /bin/true)
  trap 'podman rm -f "$container" >/dev/null 2>&1 || true; rm -rf "$staged"' EXIT
  podman cp "$staged" "$container:/app"
  podman commit -q --change 'WORKDIR /app' --change 'USER 1654' --change 'ENTRYPOINT ["/app/Aspire.Dashboard"]' \
    "$container" "$dashboard" >/dev/null
  podman push -q "$dashboard" >/dev/null
fi
echo "pod runtime ready: $(podman --version), registry $PODSUITE_REGISTRY, base images $deps and $base, dashboard $dashboard, databases $redis and $postgres, waits $wait_image"

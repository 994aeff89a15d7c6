#!/usr/bin/env bash
# The ambassador's cost: redis-benchmark (Debian's redis-tools 7.0) GET and SET straight to one Redis shard, and through
# twemproxy in front of two shards, as the ambassador pod has it; then the resident memory of the adapters
# (prometheus-redis-exporter) beside the shards. Everything runs in one podman pod of its own (sharing localhost, as the
# containers of a pod do), made from the demo's images: Redis from eng/pods/setup.sh, twemproxy and the exporter built
# from AppHost/pods/next. The pod is removed at the end, by its name and label; nothing else is touched.
# Records the section in bench/RESULTS.md.
# usage: bench/ambassador/run.sh [ROUNDS] [REQUESTS] [CLIENTS]      (needs eng/pods/setup.sh to have run)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
requests=${2:-100000}
clients=${3:-50}
pod=podsuite-bench-ambassador
label=io.podsuite.bench=ambassador
registry=localhost:5055
password=bench-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')

existing=$(podman pod ps --filter "name=^${pod}\$" --format '{{.Labels}}')
if [[ -n $existing && $existing != *"io.podsuite.bench:ambassador"* ]]; then
  echo "a pod named $pod that this benchmark did not make is running: remove it first" >&2
  exit 1
fi
cleanup() { podman pod rm -f "$pod" >/dev/null 2>&1 || true; }
trap cleanup EXIT
cleanup

for image in twemproxy redis-exporter; do
  podman build -q --build-arg BASE_IMAGE="$registry/dotnet/runtime-deps:10.0" -t "localhost/podsuite-bench-$image" "AppHost/pods/next/$image" >/dev/null
done
podman pod create --name "$pod" --label "$label" >/dev/null
# Shard a: Redis on 7001, its adapter on 9121; shard b: 7002 and 9122.
for shard in a:1 b:2; do
  name=${shard%%:*} n=${shard#*:}
  podman run -d --pod "$pod" --name "$pod-redis-$name" "$registry/debian/redis:7.0" \
    redis-server --port "700$n" --requirepass "$password" --save '' >/dev/null
  podman run -d --pod "$pod" --name "$pod-exporter-$name" -e REDIS_ADDR="redis://localhost:700$n" -e REDIS_PASSWORD="$password" \
    "localhost/podsuite-bench-redis-exporter" --web.listen-address=":912$n" >/dev/null
done
podman run -d --pod "$pod" --name "$pod-twemproxy" -e TWEMPROXY_SHARDS="shard-a=localhost:7001 shard-b=localhost:7002" \
  -e REDIS_AUTH="$password" "localhost/podsuite-bench-twemproxy" >/dev/null
sleep 2

# requests/s of one test (get or set) against a port, from redis-benchmark in the pod.
rps() {
  podman exec "$pod-redis-a" redis-benchmark -p "$1" -a "$password" -t "$2" -n "$requests" -r 100000 -c "$clients" -P 1 --csv 2>/dev/null |
    awk -F'"' -v test="${2^^}" '$2 == test { printf "%d", $4 }'
}
rps 7001 set >/dev/null; rps 6379 set >/dev/null   # warm-up

rows="" get_ratios=() set_ratios=()
load=$(cut -d' ' -f1 /proc/loadavg)
for round in $(seq "$rounds"); do
  if (( round % 2 )); then
    direct_set=$(rps 7001 set); ambassador_set=$(rps 6379 set); ambassador_get=$(rps 6379 get); direct_get=$(rps 7001 get)
  else
    ambassador_set=$(rps 6379 set); direct_set=$(rps 7001 set); direct_get=$(rps 7001 get); ambassador_get=$(rps 6379 get)
  fi
  get_ratios+=("$(awk -v a="$ambassador_get" -v b="$direct_get" 'BEGIN { printf "%.2f", a / b }')")
  set_ratios+=("$(awk -v a="$ambassador_set" -v b="$direct_set" 'BEGIN { printf "%.2f", a / b }')")
  rows+="| $round | $direct_get | $ambassador_get | ${get_ratios[-1]}x | $direct_set | $ambassador_set | ${set_ratios[-1]}x |"$'\n'
done

# Resident memory (VmRSS) of each process after the load, in MiB; the adapters after ten scrapes each.
address=$(podman inspect "$(podman pod inspect "$pod" --format '{{.InfraContainerID}}')" --format '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}')
for _ in $(seq 10); do curl -fsS "http://$address:9121/metrics" >/dev/null; curl -fsS "http://$address:9122/metrics" >/dev/null; done
# The process by its name (as /proc has it, cut at 15 characters), not PID 1: the entry points run it as a child.
rss() {
  podman exec "$1" sh -c "pid=\$(grep -l '^$2' /proc/[0-9]*/comm | head -1 | cut -d/ -f3); awk '/VmRSS/ { printf \"%.1f\", \$2 / 1024 }' /proc/\$pid/status"
}
exporter_a=$(rss "$pod-exporter-a" prometheus-redi)
exporter_b=$(rss "$pod-exporter-b" prometheus-redi)
twemproxy=$(rss "$pod-twemproxy" nutcracker)
redis_a=$(rss "$pod-redis-a" redis-server)

section=$(cat <<SECTION
## The ambassador: twemproxy in front of two Redis shards, against one shard straight

\`bench/ambassador/run.sh $rounds $requests $clients\` on $(date -u +%Y-%m-%d). Machine: $(bench/machine.sh); load average $load at the start.
podman $(podman --version | awk '{ print $3 }'); Redis $(podman exec "$pod-redis-a" redis-server --version | sed 's/.*v=\([^ ]*\).*/\1/'), twemproxy (nutcracker) $(podman exec "$pod-twemproxy" nutcracker -V 2>&1 | sed -n 's/This is nutcracker-//p'), prometheus-redis-exporter 1.45, all from Debian 12's packages, in one podman pod (localhost between them).
redis-benchmark $requests requests per test over 100000 random keys (\`-r\`), $clients clients, no pipelining, with the password; "straight" is shard a's port, "ambassador" twemproxy's, which spreads the keys over both shards. Rounds alternate which goes first. redis-benchmark, twemproxy and Redis share the machine's 2 cores, so the ratio includes the CPU twemproxy takes from the others. In a cluster the shards are in other pods, so the ambassador adds a network hop as well; here every hop is over localhost, and the ratio is twemproxy's own cost.

| round | GET/s straight | GET/s ambassador | GET ambassador / straight | SET/s straight | SET/s ambassador | SET ambassador / straight |
|---|---|---|---|---|---|---|
${rows%$'\n'}

GET through the ambassador / straight: **$(bench/spread.sh "${get_ratios[@]}")**.
SET through the ambassador / straight: **$(bench/spread.sh "${set_ratios[@]}")**.

Resident memory after the load (VmRSS): the adapters **$exporter_a MiB** and **$exporter_b MiB** (prometheus-redis-exporter, each beside its Redis); for scale, twemproxy $twemproxy MiB and a Redis shard $redis_a MiB.
SECTION
)
echo "$section"
echo "$section" | bench/record-section.py ambassador

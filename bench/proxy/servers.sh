# Shared by bench/proxy/run.sh and compare.sh (sourced from the repository root): builds and starts the web app, the
# PodSuite proxy and nginx on loopback, and measures one of them with wrk. Everything started is stopped on exit.
work=$(mktemp -d)
pids=()
stop_servers() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for conf in "$work"/nginx-*.conf; do [[ -f $conf ]] && nginx -p "$work" -c "$conf" -s stop 2>/dev/null || true; done
  rm -rf "$work"
}
trap stop_servers EXIT
path=/api/info
dotnet build -c Release -v quiet -nologo services/WebApp >/dev/null
dotnet build -c Release -v quiet -nologo services/Proxy >/dev/null

# Each .NET service runs from its output directory, as from /app in its image, so its appsettings.json (request
# logging off) applies: run from elsewhere, the proxy logged four lines per request.
# start_webapp PORT: as in the mc3 pod, HTTP/1.1 on PORT and HTTP/2 without TLS (h2c) for the proxy on the Unix socket
# $webapp_socket (WebApp__ProxySocket); for the comparisons only, h2c on PORT + 1 (WebApp__ProxyPort, which mc3 no
# longer uses) and, for nginx's socket upstream (the web app ships no such listener), HTTP/1.1 on the Unix socket
# $webapp_http1_socket. nginx's workers run as nobody, so that socket and its directory are opened to every user.
webapp_socket=$work/webapp.sock
webapp_http1_socket=$work/webapp-http1.sock
start_webapp() {
  (cd services/WebApp/bin/Release/net10.0 && export DOTNET_ENVIRONMENT=Production \
    ASPNETCORE_URLS="http://127.0.0.1:$1;http://127.0.0.1:$(($1 + 1));http://unix:$webapp_http1_socket" \
    WebApp__ProxyPort=$(($1 + 1)) WebApp__ProxySocket="$webapp_socket" && exec dotnet WebApp.dll) >"$work/webapp.log" 2>&1 &
  pids+=($!)
  webapp_pid=$!
  local tries=0
  until [[ -S $webapp_socket && -S $webapp_http1_socket ]]; do
    sleep 0.2
    (( ++tries < 150 )) || { cat "$work/webapp.log" >&2; echo "the web app made no sockets in $work within 30 s" >&2; exit 1; }
  done
  chmod 711 "$work" && chmod 666 "$webapp_http1_socket"
}

# start_proxy PORT [NAME=VALUE...]: the proxy as in the mc3 pod, with its routes file and the web app's socket, plus
# the given environment.
start_proxy() {
  local port=$1 routes=$PWD/AppHost/pods/mc3/proxy-routes.json; shift
  (cd services/Proxy/bin/Release/net10.0 && export ASPNETCORE_URLS=http://127.0.0.1:$port DOTNET_ENVIRONMENT=Production \
    Proxy__RoutesFile="$routes" Proxy__UpstreamSockets__webapp="$webapp_socket" "$@" && exec dotnet Proxy.dll) >"$work/proxy-$port.log" 2>&1 &
  pids+=($!)
  last_pid=$!
}

# start_proxy_over_tcp PORT WEBAPP_PORT: the same proxy reaching the web app's h2c port (WEBAPP_PORT + 1) over TCP.
start_proxy_over_tcp() {
  sed "s#http://webapp#http://127.0.0.1:$(($2 + 1))#" AppHost/pods/mc3/proxy-routes.json >"$work/tcp-routes.json"
  start_proxy "$1" Proxy__RoutesFile="$work/tcp-routes.json" Proxy__UpstreamSockets__webapp=
}

# start_nginx NAME WORKERS PORT UPSTREAM: nginx with WORKERS workers on PORT, in front of UPSTREAM (127.0.0.1:PORT, or
# unix:PATH).
start_nginx() {
  sed -e "s#NAME#$1#g" -e "s#WORKERS#$2#g" -e "s#WORK#$work#g" -e "s#UPSTREAM#$4#" -e "s#LISTEN_PORT#$3#" \
    bench/proxy/nginx.conf.template >"$work/$1.conf"
  nginx -p "$work" -c "$work/$1.conf"
}

# warm_up PORT CONNECTIONS: waits until it answers, then loads it long enough for the JIT's tiers to settle.
warm_up() {
  local tries=0
  until curl -fs -o /dev/null "http://127.0.0.1:$1$path"; do
    sleep 0.2
    (( ++tries < 150 )) || { echo "nothing answers on port $1 after 30 s (see the logs in $work)" >&2; exit 1; }
  done
  wrk -t1 -c"$2" -d5s "http://127.0.0.1:$1$path" >/dev/null
}

# cpu_ticks PID...: the user and system CPU time the processes have used, in clock ticks.
cpu_ticks() { local t=0 pid; for pid in "$@"; do t=$((t + $(awk '{ print $14 + $15 }' "/proc/$pid/stat"))); done; echo "$t"; }

# nginx_workers NAME: the worker processes of the nginx started as NAME.
nginx_workers() { pgrep -P "$(cat "$work/$1.pid")"; }

# measure PORT CONNECTIONS DURATION: sets last_rps, last_requests, last_p50 and last_p99 (milliseconds) from one wrk run.
measure() {
  local out
  out=$(wrk -t1 -c"$2" -d"$3" --latency "http://127.0.0.1:$1$path")
  last_rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
  last_requests=$(awk '/ requests in / { print $1 }' <<<"$out")
  last_p50=$(latency_ms 50 <<<"$out")
  last_p99=$(latency_ms 99 <<<"$out")
}

# wrk's latency lines are like "50%  412.00us" or "99%    1.53ms": converted to milliseconds.
latency_ms() { awk -v p="$1%" '$1 == p { v = $2; if (v ~ /us$/) { sub("us", "", v); v /= 1000 } else if (v ~ /ms$/) { sub("ms", "", v) } else if (v ~ /s$/) { sub("s", "", v); v *= 1000 } printf "%.2f", v }'; }

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
# start_webapp PORT: HTTP/1.1 on PORT, and HTTP/2 without TLS (h2c) for the proxy on PORT + 1, as in the mc3 pod;
# and, for nginx's socket upstream only (the web app ships no such listener), HTTP/1.1 on the Unix socket
# $webapp_socket. nginx's workers run as nobody, so the socket and its directory are opened to every user.
webapp_socket=$work/webapp-http1.sock
start_webapp() {
  (cd services/WebApp/bin/Release/net10.0 && export Kestrel__Endpoints__http__Url="http://127.0.0.1:$1" \
    Kestrel__Endpoints__h2c__Url="http://127.0.0.1:$(($1 + 1))" \
    Kestrel__Endpoints__socket__Url="http://unix:$webapp_socket" Kestrel__Endpoints__socket__Protocols=Http1 \
    WebApp__ProxyPort=$(($1 + 1)) DOTNET_ENVIRONMENT=Production && exec dotnet WebApp.dll) >"$work/webapp.log" 2>&1 &
  pids+=($!)
  local tries=0
  until [[ -S $webapp_socket ]]; do
    sleep 0.2
    (( ++tries < 150 )) || { cat "$work/webapp.log" >&2; echo "the web app made no socket at $webapp_socket" >&2; exit 1; }
  done
  chmod 711 "$work" && chmod 666 "$webapp_socket"
}

# start_proxy PORT WEBAPP_PORT [NAME=VALUE...]: the proxy with the mc3 pod's routes file (to the web app's h2c port),
# plus the given environment.
start_proxy() {
  local port=$1 webapp=$2 routes=$PWD/AppHost/pods/mc3/proxy-routes.json; shift 2
  (cd services/Proxy/bin/Release/net10.0 && export ASPNETCORE_URLS=http://127.0.0.1:$port DOTNET_ENVIRONMENT=Production \
    Proxy__RoutesFile="$routes" services__webapp__http__0=http://127.0.0.1:$webapp \
    services__webapp__h2c__0=http://127.0.0.1:$((webapp + 1)) "$@" && exec dotnet Proxy.dll) >"$work/proxy-$port.log" 2>&1 &
  pids+=($!)
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

# measure PORT CONNECTIONS DURATION: sets last_rps, last_p50 and last_p99 (milliseconds) from one wrk run.
measure() {
  local out
  out=$(wrk -t1 -c"$2" -d"$3" --latency "http://127.0.0.1:$1$path")
  last_rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
  last_p50=$(latency_ms 50 <<<"$out")
  last_p99=$(latency_ms 99 <<<"$out")
}

# wrk's latency lines are like "50%  412.00us" or "99%    1.53ms": converted to milliseconds.
latency_ms() { awk -v p="$1%" '$1 == p { v = $2; if (v ~ /us$/) { sub("us", "", v); v /= 1000 } else if (v ~ /ms$/) { sub("ms", "", v) } else if (v ~ /s$/) { sub("s", "", v); v *= 1000 } printf "%.2f", v }'; }

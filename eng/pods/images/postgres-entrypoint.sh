#!/bin/sh
# The entry point of the PostgreSQL image eng/pods/setup.sh builds from Debian's postgresql-15, keeping the contract the
# official image gives Aspire: POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB, POSTGRES_HOST_AUTH_METHOD and
# POSTGRES_INITDB_ARGS are read when the data directory is new, the scripts in /docker-entrypoint-initdb.d then run
# once, and the server listens on every address of the container. Run as root, it hands the data to the postgres user
# (uid 999) and runs as that user; run as that user (a pod's runAsUser), it needs a data directory it can write.
set -eu
[ $# -eq 0 ] && set -- postgres
[ "${1#-}" != "$1" ] && set -- postgres "$@"
[ "$1" = postgres ] || exec "$@"

: "${PGDATA:?PGDATA is not set}"
if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chown -R postgres:postgres "$PGDATA" /var/run/postgresql
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi

mkdir -p "$PGDATA"
chmod 0700 "$PGDATA"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  user=${POSTGRES_USER:-postgres}
  database=${POSTGRES_DB:-$user}
  method=${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}
  if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "$method" != trust ]; then
    echo "error: the database is new and POSTGRES_PASSWORD is not set; set it, or POSTGRES_HOST_AUTH_METHOD=trust" >&2
    exit 1
  fi
  password_file=$(mktemp)
  printf '%s' "${POSTGRES_PASSWORD:-}" >"$password_file"
  # initdb refuses an empty password file: with trust and no password, none is set.
  [ -s "$password_file" ] && password_option="--pwfile=$password_file" || password_option=
  # POSTGRES_INITDB_ARGS is a list of arguments, split on spaces as the official image does.
  # shellcheck disable=SC2086
  initdb --pgdata="$PGDATA" --username="$user" $password_option ${POSTGRES_INITDB_ARGS:-}
  rm -f "$password_file"
  printf '\nhost all all all %s\n' "$method" >>"$PGDATA/pg_hba.conf"
  printf "\nlisten_addresses = '*'\nunix_socket_directories = '/var/run/postgresql'\n" >>"$PGDATA/postgresql.conf"

  # The init scripts run against a server no one else can reach yet: no TCP, the socket only.
  pg_ctl --pgdata="$PGDATA" --wait --options="-c listen_addresses=''" start
  export PGPASSWORD="${POSTGRES_PASSWORD:-}" PGHOST=/var/run/postgresql PGUSER="$user"
  if [ "$database" != postgres ]; then
    psql --no-psqlrc --set=ON_ERROR_STOP=1 --dbname=postgres --set=db="$database" <<'SQL'
CREATE DATABASE :"db";
SQL
  fi
  for script in /docker-entrypoint-initdb.d/*; do
    case "$script" in
      *.sql) echo "running $script"; psql --no-psqlrc --set=ON_ERROR_STOP=1 --dbname="$database" --file="$script" ;;
      *.sh) echo "running $script"; . "$script" ;;
      */\*) ;;
      *) echo "ignoring $script" ;;
    esac
  done
  unset PGPASSWORD
  pg_ctl --pgdata="$PGDATA" --wait --mode=fast stop
fi
exec "$@"

# Shared by ./run and ./test: installing what a fresh machine lacks, and a project-local PostgreSQL.
# shellcheck shell=bash

PG_VERSION_DIR=""

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    echo "Need root to run: $*" >&2; return 1; fi
}

apt_install() {
  log "Installing $* (apt)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_postgres_binaries() {
  PG_VERSION_DIR=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$PG_VERSION_DIR" ] || [ ! -x "$PG_VERSION_DIR/initdb" ]; then
    apt_install postgresql
    PG_VERSION_DIR=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
}

ensure_dotnet_tools() {
  command -v dotnet >/dev/null 2>&1 || { echo "The .NET SDK (see global.json) is required." >&2; return 1; }
  dotnet tool restore >/dev/null
}

ensure_client_packages() {
  local client="$1/client"
  command -v npm >/dev/null 2>&1 || apt_install nodejs npm
  # npm ci only when the lock file changed since the last install.
  if [ ! -f "$client/node_modules/.package-lock.json" ] || ! cmp -s "$client/package-lock.json" "$client/node_modules/.sunshine-lock"; then
    log "Installing client packages (npm ci)"
    (cd "$client" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    cp "$client/package-lock.json" "$client/node_modules/.sunshine-lock"
  fi
}

# Runs a PostgreSQL binary as the cluster's owner: initdb refuses root, so root uses the postgres user.
pg_run() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# pg_start DIR PORT [throwaway|durable]: initialises (once) and starts a cluster in DIR that listens only on a
# Unix socket in DIR/run. A throwaway cluster trades durability for speed (fsync and synchronous commit off: a
# crash loses acknowledged commits by design); a durable one states the settings under which an acknowledged
# commit survives a crash (fsync, synchronous commit, full-page writes), whatever the data directory says.
pg_start() {
  local dir="$1" port="$2" mode="${3:-}"
  ensure_postgres_binaries
  mkdir -p "$dir/run"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || as_root useradd --system --home-dir /var/lib/postgresql postgres
    chown -R postgres:postgres "$dir"
  fi
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    pg_run "$PG_VERSION_DIR/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  local extra=""
  case "$mode" in
    throwaway) extra="-c fsync=off -c synchronous_commit=off -c full_page_writes=off" ;;
    durable) extra="-c fsync=on -c synchronous_commit=on -c full_page_writes=on" ;;
    "") ;;
    *) echo "pg_start: unknown mode '$mode' (throwaway or durable)" >&2; return 2 ;;
  esac
  pg_run "$PG_VERSION_DIR/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
    -o "-p $port -k $dir/run -c listen_addresses='' -c max_connections=200 $extra" >/dev/null
}

pg_stop() {
  local dir="$1"
  [ -f "$dir/data/postmaster.pid" ] || return 0
  pg_run "$PG_VERSION_DIR/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}

# pg_psql DIR PORT SQL...: runs SQL as the superuser.
pg_psql() {
  local dir="$1" port="$2"; shift 2
  pg_run "$PG_VERSION_DIR/psql" -h "$dir/run" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"
}

# pg_create_app_database DIR PORT DB: the owner role (migrations) and the application role (no ownership).
pg_create_app_database() {
  local dir="$1" port="$2" db="$3"
  pg_psql "$dir" "$port" -c "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sunshine_owner') THEN CREATE ROLE sunshine_owner LOGIN; END IF;
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sunshine_app') THEN CREATE ROLE sunshine_app LOGIN; END IF;
    END \$\$;"
  if [ "$(pg_psql "$dir" "$port" -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != "1" ]; then
    pg_psql "$dir" "$port" -c "CREATE DATABASE $db OWNER sunshine_owner"
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000))
}

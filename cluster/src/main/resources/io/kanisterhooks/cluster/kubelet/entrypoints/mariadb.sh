#!/usr/bin/env bash
# Entrypoint of the "mariadb" image on the kanister-hooks local cluster: what the official image's docker-entrypoint.sh
# does, with this machine's (Debian's) MariaDB. The kubelet simulator runs it for a container of that image without a
# command (see MappedImage) and sets:
#   KANISTER_HOOKS_DATA_DIR            the host directory behind /var/lib/mysql (the pod's volume, if one is mounted there)
#   MYSQL_UNIX_PORT, MYSQL_TCP_PORT    this pod's socket and loopback port (never the host's 3306)
# The image's variables: MARIADB_ROOT_PASSWORD or MARIADB_ALLOW_EMPTY_ROOT_PASSWORD (one is required on first start),
# MARIADB_DATABASE, MARIADB_USER and MARIADB_PASSWORD; the MYSQL_* names are accepted too, as by the image.
# Arguments as the image takes them: none or server options (-...) start the server; anything else runs instead.
set -euo pipefail

note() { printf '%s [Note] [Entrypoint]: %s\n' "$(date '+%F %T%:z')" "$*"; }
fail() { printf '%s [ERROR] [Entrypoint]: %s\n' "$(date '+%F %T%:z')" "$*" >&2; exit 1; }

if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  case "$1" in
    mariadbd|mysqld) shift ;;
    *) exec "$@" ;;
  esac
fi

datadir="$KANISTER_HOOKS_DATA_DIR"
mkdir -p "$datadir"

# As root (no runAsUser): hand the data directory to the mysql user and continue as that user, as the image does.
if [ "$(id -u)" = 0 ]; then
  find "$datadir" \! -user mysql -exec chown mysql: '{}' +
  note "Switching to dedicated user 'mysql'"
  exec setpriv --reuid=mysql --regid=mysql --init-groups -- "$BASH" "$0" "$@"
fi

for name in ROOT_PASSWORD ALLOW_EMPTY_ROOT_PASSWORD DATABASE USER PASSWORD; do
  mariadb="MARIADB_$name" mysql="MYSQL_$name"
  [ -n "${!mariadb:-}" ] || printf -v "$mariadb" '%s' "${!mysql:-}"
done

sql_string() { # a quoted SQL string literal
  local s="${1//\\/\\\\}"
  printf "'%s'" "${s//\'/\\\'}"
}

# A first start that died half-way (the pod was killed, the machine is slow) leaves files but no marker: start over,
# as a fresh volume would, instead of failing on every restart.
marker="$datadir/.kanister-hooks-initialized"
if [ -d "$datadir/mysql" ] && [ ! -e "$marker" ]; then
  note "Removing the files of an unfinished initialization"
  find "$datadir" -mindepth 1 -delete
fi

if [ ! -d "$datadir/mysql" ]; then
  if [ -z "$MARIADB_ROOT_PASSWORD" ] && [ -z "$MARIADB_ALLOW_EMPTY_ROOT_PASSWORD" ]; then
    fail "Database is uninitialized and password option is not specified
	You need to specify one of MARIADB_ROOT_PASSWORD and MARIADB_ALLOW_EMPTY_ROOT_PASSWORD"
  fi
  note "Initializing database files"
  install_log="$(mktemp)"
  mariadb-install-db --no-defaults --datadir="$datadir" --auth-root-authentication-method=normal --skip-test-db \
    --skip-name-resolve --default-time-zone=SYSTEM --skip-log-bin >"$install_log" 2>&1 \
    || { cat "$install_log" >&2; fail "mariadb-install-db failed"; }
  rm -f "$install_log"
  note "Database files initialized"
  password=""
  [ -z "$MARIADB_ROOT_PASSWORD" ] || password="IDENTIFIED BY $(sql_string "$MARIADB_ROOT_PASSWORD")"
  {
    # the grant tables are not loaded in bootstrap mode until this
    echo "FLUSH PRIVILEGES;"
    # only root@localhost and root@'%', as in the image
    echo "DROP USER IF EXISTS root@'127.0.0.1', root@'::1';"
    echo "EXECUTE IMMEDIATE CONCAT('DROP USER IF EXISTS root@\\'', @@hostname, '\\'');"
    echo "ALTER USER root@localhost $password;"
    echo "CREATE USER root@'%' $password;"
    echo "GRANT ALL ON *.* TO root@'%' WITH GRANT OPTION;"
    if [ -n "$MARIADB_DATABASE" ]; then
      echo "CREATE DATABASE IF NOT EXISTS \`${MARIADB_DATABASE//\`/\`\`}\`;"
    fi
    if [ -n "$MARIADB_USER" ] && [ -n "$MARIADB_PASSWORD" ]; then
      echo "CREATE USER $(sql_string "$MARIADB_USER")@'%' IDENTIFIED BY $(sql_string "$MARIADB_PASSWORD");"
      if [ -n "$MARIADB_DATABASE" ]; then
        echo "GRANT ALL ON \`${MARIADB_DATABASE//\`/\`\`}\`.* TO $(sql_string "$MARIADB_USER")@'%';"
      fi
    fi
  } | mariadbd --no-defaults --datadir="$datadir" --bootstrap --skip-log-bin --log-warnings=0 >/dev/null
  touch "$marker"
  note "MariaDB init process done. Ready for start up."
fi

exec mariadbd --no-defaults --datadir="$datadir" --socket="$MYSQL_UNIX_PORT" --port="$MYSQL_TCP_PORT" \
  --bind-address=127.0.0.1 --skip-name-resolve --pid-file="$(dirname "$MYSQL_UNIX_PORT")/mariadbd.pid" "$@"

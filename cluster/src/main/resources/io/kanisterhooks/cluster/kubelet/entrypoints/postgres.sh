#!/usr/bin/env bash
# Entrypoint of the "postgres" image on the kanister-hooks local cluster: what the official image's
# docker-entrypoint.sh does, with this machine's (Debian's) PostgreSQL. The kubelet simulator runs it for a container of
# that image without a command (see MappedImage) and sets:
#   PGDATA          the host directory of the data directory (the image's PGDATA, /var/lib/postgresql/data unless the
#                   pod sets another, translated to the pod's volume mounted there)
#   PGHOST, PGPORT  this pod's socket directory and loopback port (never the host's 5432)
# The image's variables: POSTGRES_PASSWORD (required on first start unless POSTGRES_HOST_AUTH_METHOD=trust),
# POSTGRES_USER, POSTGRES_DB, POSTGRES_INITDB_ARGS, POSTGRES_HOST_AUTH_METHOD.
# Arguments as the image takes them: none or server options (-...) start the server; anything else runs instead.
set -euo pipefail

note() { printf '%s [Entrypoint]: %s\n' "$(date '+%F %T %Z')" "$*"; }
fail() { printf '%s [Entrypoint] Error: %s\n' "$(date '+%F %T %Z')" "$*" >&2; exit 1; }

if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  case "$1" in
    postgres) shift ;;
    *) exec "$@" ;;
  esac
fi

mkdir -p "$PGDATA"

# As root (no runAsUser): hand the data directory to the postgres user and continue as that user, as the image does.
if [ "$(id -u)" = 0 ]; then
  find "$PGDATA" \! -user postgres -exec chown postgres '{}' +
  chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups -- "$BASH" "$0" "$@"
fi
chmod 700 "$PGDATA" 2>/dev/null || :

: "${POSTGRES_USER:=postgres}"
: "${POSTGRES_DB:=$POSTGRES_USER}"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "${POSTGRES_HOST_AUTH_METHOD:-}" != trust ]; then
    fail "Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the superuser."
  fi
  # initdb needs a name for its user id; the image gives an id without one a name with nss_wrapper, and so do we
  if ! getent passwd "$(id -u)" >/dev/null; then
    for lib in /usr/lib/*/libnss_wrapper.so; do
      [ -e "$lib" ] || fail "uid $(id -u) has no passwd entry, which initdb needs, and libnss_wrapper is missing"
      export LD_PRELOAD="$lib" NSS_WRAPPER_PASSWD="$PGHOST/nss-passwd" NSS_WRAPPER_GROUP="$PGHOST/nss-group"
      echo "postgres:x:$(id -u):$(id -g):PostgreSQL:$PGDATA:/bin/false" >"$NSS_WRAPPER_PASSWD"
      echo "postgres:x:$(id -g):" >"$NSS_WRAPPER_GROUP"
    done
  fi
  # shellcheck disable=SC2086
  if [ -n "${POSTGRES_PASSWORD:-}" ]; then
    initdb --username="$POSTGRES_USER" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") -D "$PGDATA" ${POSTGRES_INITDB_ARGS:-}
  else
    initdb --username="$POSTGRES_USER" -D "$PGDATA" ${POSTGRES_INITDB_ARGS:-}
  fi
  # as the image: trust on the socket and loopback, a password from anywhere else
  printf '\nhost all all all %s\n' "${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}" >>"$PGDATA/pg_hba.conf"
  if [ "$POSTGRES_DB" != postgres ]; then
    echo "CREATE DATABASE \"${POSTGRES_DB//\"/\"\"}\"" | postgres --single -D "$PGDATA" postgres >/dev/null
  fi
  unset LD_PRELOAD NSS_WRAPPER_PASSWD NSS_WRAPPER_GROUP
  rm -f "$PGHOST/nss-passwd" "$PGHOST/nss-group"
  note "PostgreSQL init process complete; ready for start up."
fi

exec postgres -D "$PGDATA" -p "$PGPORT" -c listen_addresses=127.0.0.1 -c unix_socket_directories="$PGHOST" "$@"

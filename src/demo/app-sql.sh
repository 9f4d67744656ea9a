#!/bin/sh
# Usage: src/demo/app-sql.sh [MARIADB CLIENT OPTION...] -e SQL
# Runs SQL in the demo's MariaDB (shop/mariadb-0) as the application does: its own user (app, from the pod's
# environment), without SUPER or READ ONLY ADMIN, so a quiesced (read-only) server refuses its writes.
[ $# -ge 1 ] || { echo "usage: $0 [MARIADB CLIENT OPTION...] -e SQL" >&2; exit 2; }
exec kubectl --namespace shop exec mariadb-0 -c mariadb -- sh -c \
    'MYSQL_PWD="$MARIADB_PASSWORD" exec mariadb -u"$MARIADB_USER" "$@" "$MARIADB_DATABASE"' app-sql "$@"

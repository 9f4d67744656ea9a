#!/bin/sh
# The backup stage of the demo, as a Jenkins stage would run it: a logical dump of the shop database taken in the
# MariaDB pod (mariadb-dump over kubectl exec) into backup/shop.sql. Then, to show what the preHook did, the
# application tries a write while the backup is still running. DEMO_BACKUP_FAILS=true makes the backup fail after
# its dump (an upload that did not happen).
set -eu
mkdir -p backup
echo "backing up database shop of shop/mariadb-0 with mariadb-dump..."
kubectl --namespace shop exec mariadb-0 -c mariadb -- \
    sh -c 'MYSQL_PWD="$MARIADB_ROOT_PASSWORD" exec mariadb-dump -uroot "$MARIADB_DATABASE"' >backup/shop.sql
echo "dump: $(grep -c '^(' backup/shop.sql) rows of orders in backup/shop.sql"
if error="$("$(dirname "$0")/app-sql.sh" -e "INSERT INTO orders (item) VALUES ('written during the backup')" 2>&1)"
then
  echo "application write during the backup: ACCEPTED (the database was not quiesced)"
else
  reason="$(printf '%s\n' "$error" | sed -n 's/^ERROR [0-9]* ([0-9A-Z]*) at line [0-9]*: //p')"
  echo "application write during the backup: refused: $reason"
fi
if [ "${DEMO_BACKUP_FAILS:-}" = "true" ]; then
  echo "backup failed: object store unreachable" >&2
  exit 1
fi
echo "backup done"

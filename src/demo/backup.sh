#!/bin/sh
# Stands in for the backup tool a Jenkins stage would run (kanctl, k10 CLI, velero, a dump script...).
echo "backing up namespace mysql..."
sleep 1
if [ "${DEMO_BACKUP_FAILS:-}" = "true" ]; then
  echo "backup failed: object store unreachable" >&2
  exit 1
fi
echo "backup done"

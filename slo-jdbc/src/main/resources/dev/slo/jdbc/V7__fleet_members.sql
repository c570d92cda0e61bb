-- Replicas of one fleet (docs/serve.md, "A fleet of replicas"): each writes its heartbeat here
-- every interval. A replica counts as live while its heartbeat is newer than three intervals and
-- the session backend_pid still holds the fleet's shared member lock (pg_locks).
CREATE TABLE IF NOT EXISTS slo_fleet_members (
    replica_id   text        PRIMARY KEY,
    heartbeat_at timestamptz NOT NULL,
    backend_pid  integer     NOT NULL
);

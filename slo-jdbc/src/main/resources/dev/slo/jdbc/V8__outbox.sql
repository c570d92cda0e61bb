-- A fleet's saved snapshots and outbox (docs/serve.md, "A fleet of replicas"). The owner of an
-- SLO's shard saves the rendered SLOStatus and ErrorBudget bodies with the status, so that every
-- replica answers reads from here, and its hysteresis state, so that the next owner resumes it.
ALTER TABLE slo_status ADD COLUMN IF NOT EXISTS status_json text;
ALTER TABLE slo_status ADD COLUMN IF NOT EXISTS budget_json text;
ALTER TABLE slo_status ADD COLUMN IF NOT EXISTS state_json text;

-- Events written in the same transaction as the status that caused them, sent by the shard's
-- owner: pending while delivered_at and abandoned_at are both null.
CREATE TABLE IF NOT EXISTS slo_outbox (
    event_id        uuid         PRIMARY KEY,
    slo_id          varchar(100) NOT NULL,
    shard           integer      NOT NULL,
    body            text         NOT NULL,
    created_at      timestamptz  NOT NULL,
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    delivered_at    timestamptz,
    abandoned_at    timestamptz,
    last_error      text
);
CREATE INDEX IF NOT EXISTS slo_outbox_pending_idx ON slo_outbox (shard, next_attempt_at)
    WHERE delivered_at IS NULL AND abandoned_at IS NULL;
CREATE INDEX IF NOT EXISTS slo_outbox_finished_idx ON slo_outbox (created_at)
    WHERE delivered_at IS NOT NULL OR abandoned_at IS NOT NULL;

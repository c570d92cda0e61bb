-- slo-jdbc schema version 4: each rollup bucket also holds the sums of the rows stamped exactly at
-- its start, so a window (s, e] with both ends on bucket boundaries is answered from rollups alone
-- (buckets are [start, start + width) while windows exclude their start and include their end).
ALTER TABLE sli_rollup_hour
  ADD COLUMN start_good bigint NOT NULL DEFAULT 0,
  ADD COLUMN start_total bigint NOT NULL DEFAULT 0;
ALTER TABLE sli_rollup_day
  ADD COLUMN start_good bigint NOT NULL DEFAULT 0,
  ADD COLUMN start_total bigint NOT NULL DEFAULT 0;
UPDATE sli_rollup_hour r SET start_good = m.good_events, start_total = m.total_events
  FROM sli_metrics_ts m WHERE m.slo_id = r.slo_id AND m."timestamp" = r.bucket;
UPDATE sli_rollup_day r SET start_good = m.good_events, start_total = m.total_events
  FROM sli_metrics_ts m WHERE m.slo_id = r.slo_id AND m."timestamp" = r.bucket;

-- what `slo db maintain` has dropped: each resolution is complete from kept_from on
CREATE TABLE slo_retention_state (
  resolution varchar(10) PRIMARY KEY,
  kept_from timestamptz NOT NULL
);

-- how long each resolution is kept; `slo db maintain --raw-retention ...` changes it
CREATE TABLE slo_retention_policy (
  resolution varchar(10) PRIMARY KEY,
  keep interval NOT NULL
);
INSERT INTO slo_retention_policy (resolution, keep) VALUES
  ('raw', interval '35 days'), ('hour', interval '400 days'), ('day', interval '1826 days');

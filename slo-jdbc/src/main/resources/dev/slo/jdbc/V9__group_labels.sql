-- slo-jdbc schema version 9: grouped SLOs (docs/spec.md, "Grouping"). A group's SLI rows are kept
-- under its group id, e.g. checkout{route="/pay"}, with its labels beside it. On a partitioned
-- sli_metrics_ts (migration 5) both statements reach every partition.
ALTER TABLE sli_metrics_ts ADD COLUMN IF NOT EXISTS labels jsonb;
ALTER TABLE sli_metrics_ts ALTER COLUMN slo_id TYPE varchar(1000);
ALTER TABLE sli_rollup_hour ALTER COLUMN slo_id TYPE varchar(1000);
ALTER TABLE sli_rollup_day ALTER COLUMN slo_id TYPE varchar(1000);

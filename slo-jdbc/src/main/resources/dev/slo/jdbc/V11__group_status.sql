-- slo-jdbc schema version 11: the groups of a grouped SLO in a fleet (docs/serve.md, "Grouped
-- SLOs"). A group's saved snapshot is a slo_status row under its group id, e.g.
-- checkout{route="/pay"}, and its events are slo_outbox rows; group ids are up to 1000 characters
-- and have no row in slos, so the foreign key to slos gives way to a trigger (created by the
-- migration step) that deletes an SLO's status and its groups' statuses with the SLO.
ALTER TABLE slo_status DROP CONSTRAINT IF EXISTS slo_status_slo_id_fkey;
ALTER TABLE slo_status ALTER COLUMN slo_id TYPE varchar(1000);
ALTER TABLE slo_outbox ALTER COLUMN slo_id TYPE varchar(1000);

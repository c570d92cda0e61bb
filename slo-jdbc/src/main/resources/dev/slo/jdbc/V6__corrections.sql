-- slo-jdbc schema version 6: budget corrections (docs/spec.md, "Corrections").
CREATE TABLE slo_corrections (
  id varchar(200) PRIMARY KEY,
  slo_ids text[] NOT NULL DEFAULT '{}',
  service varchar(100),
  start_time timestamptz NOT NULL,
  duration_ns bigint NOT NULL CHECK (duration_ns > 0),
  time_zone varchar(100) NOT NULL DEFAULT 'UTC',
  category varchar(40) NOT NULL,
  description text NOT NULL DEFAULT '',
  rrule text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((service IS NULL) <> (cardinality(slo_ids) = 0))
);
CREATE INDEX slo_corrections_start_idx ON slo_corrections (start_time);

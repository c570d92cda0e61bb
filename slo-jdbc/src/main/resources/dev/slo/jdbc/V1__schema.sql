-- slo-jdbc schema version 1: the seed's tables plus the columns the core model needs.
CREATE TABLE slos (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slo_id varchar(100) NOT NULL UNIQUE,
  slo_name varchar(200) NOT NULL,
  service_name varchar(100) NOT NULL,
  slo_type varchar(50) NOT NULL,
  target_percentage double precision NOT NULL,
  time_period varchar(50) NOT NULL,
  sli_query text NOT NULL,
  description text,
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  time_zone varchar(100) NOT NULL DEFAULT 'UTC',
  budgeting_method varchar(20) NOT NULL DEFAULT 'OCCURRENCES',
  timeslice_length varchar(50),
  timeslice_target_percentage double precision,
  no_data varchar(20) NOT NULL DEFAULT 'IGNORE',
  warning_below double precision NOT NULL DEFAULT 0.25,
  critical_below double precision NOT NULL DEFAULT 0.10,
  sli jsonb
);
CREATE INDEX slos_service_name_idx ON slos (service_name);
CREATE INDEX slos_slo_type_idx ON slos (slo_type);

CREATE TABLE slo_status (
  slo_id varchar(100) PRIMARY KEY REFERENCES slos (slo_id) ON DELETE CASCADE,
  status varchar(20) NOT NULL,
  current_sli double precision,
  target_sli double precision NOT NULL,
  error_budget_remaining double precision NOT NULL,
  error_budget_consumed double precision NOT NULL,
  burn_rate double precision NOT NULL,
  time_to_exhaustion varchar(50),
  last_updated timestamptz NOT NULL
);
CREATE INDEX slo_status_status_idx ON slo_status (status);

CREATE TABLE slo_burn_rate_alerts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slo_id varchar(100) NOT NULL REFERENCES slos (slo_id) ON DELETE CASCADE,
  burn_rate_threshold double precision NOT NULL,
  time_window varchar(50) NOT NULL,
  alert_rule_id varchar(100),
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX slo_burn_rate_alerts_slo_id_idx ON slo_burn_rate_alerts (slo_id, created_at);

CREATE TABLE sli_metrics_ts (
  "timestamp" timestamptz NOT NULL,
  slo_id varchar(100) NOT NULL,
  sli_value double precision NOT NULL,
  good_events bigint NOT NULL,
  total_events bigint NOT NULL,
  error_budget_consumed double precision,
  burn_rate double precision,
  is_good boolean,
  PRIMARY KEY (slo_id, "timestamp")
);
CREATE INDEX sli_metrics_ts_timestamp_idx ON sli_metrics_ts USING brin ("timestamp");

CREATE TABLE sli_rollup_hour (
  slo_id varchar(100) NOT NULL,
  bucket timestamptz NOT NULL,
  good_events bigint NOT NULL,
  total_events bigint NOT NULL,
  row_count bigint NOT NULL,
  PRIMARY KEY (slo_id, bucket)
);

CREATE TABLE sli_rollup_day (
  slo_id varchar(100) NOT NULL,
  bucket timestamptz NOT NULL,
  good_events bigint NOT NULL,
  total_events bigint NOT NULL,
  row_count bigint NOT NULL,
  PRIMARY KEY (slo_id, bucket)
);

-- Severity and short window of a burn-rate alert rule become columns of their own. Before this
-- migration slo serve packed them into alert_rule_id as <slo_id>:burn_rate:<long>[:<short>]:<sev>,
-- which overflows varchar(100) for long slo_ids. Rows in that shape are carried over: their
-- severity and short window move to the new columns and alert_rule_id becomes the derived id
-- burn_rate:<threshold>:<long>[:<short>]:<severity> that the code writes from now on. Rows with
-- any other alert_rule_id (set by a user) keep it, with severity page and no short window.
ALTER TABLE slo_burn_rate_alerts
  ADD COLUMN severity varchar(10) NOT NULL DEFAULT 'page'
    CHECK (severity IN ('page', 'ticket')),
  ADD COLUMN short_window varchar(50);

UPDATE slo_burn_rate_alerts a
   SET severity = m.parts[3],
       short_window = nullif(m.parts[2], ''),
       alert_rule_id = 'burn_rate:'
         || trim(trailing '.' FROM trim(trailing '0' FROM to_char(a.burn_rate_threshold::numeric, 'FM999999999990.999999999')))
         || ':' || m.parts[1]
         || coalesce(':' || nullif(m.parts[2], ''), '')
         || ':' || m.parts[3]
  FROM (SELECT id,
               regexp_match(alert_rule_id, ':burn_rate:([^:]+)(?::([^:]+))?:(page|ticket)$') AS parts
          FROM slo_burn_rate_alerts) m
 WHERE a.id = m.id
   AND m.parts IS NOT NULL
   AND a.alert_rule_id = a.slo_id || ':burn_rate:' || m.parts[1]
                         || coalesce(':' || m.parts[2], '') || ':' || m.parts[3];

-- Identical rules were stored once per request; keep the oldest of each.
DELETE FROM slo_burn_rate_alerts a
 USING slo_burn_rate_alerts b
 WHERE a.slo_id = b.slo_id
   AND a.alert_rule_id = b.alert_rule_id
   AND (a.created_at, a.id) > (b.created_at, b.id);

CREATE UNIQUE INDEX slo_burn_rate_alerts_rule_id_key
  ON slo_burn_rate_alerts (slo_id, alert_rule_id);

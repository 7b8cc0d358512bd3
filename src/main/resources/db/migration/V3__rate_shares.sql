-- 绩效统计 over a year: what each ended event adds to the rates, counted once after it ended (EndedEventCounter),
-- instead of reading a year's history back on every request (130,000 events: 10 s; README "Supervisors on a city's
-- history"). An event still open, or ended since the last count, is still counted from history at each request.

-- One row per counted event; rules: the settings it was counted with (RateSettings.rules()): a change of them
-- counts every ended event again, and until then the request counts it from history.
CREATE TABLE jz_rate_event (
  event_id VARCHAR(64) NOT NULL PRIMARY KEY,
  reported_at TIMESTAMP NOT NULL,
  rules VARCHAR(200) NOT NULL,
  counted_at TIMESTAMP NOT NULL
);

-- What the event adds to one group of one grouping (group_by: unit, level, category, department; total: the
-- event's line in the totals, one per event). Category and report day are repeated here so a period's rates
-- are one scan of one index.
CREATE TABLE jz_rate_share (
  event_id VARCHAR(64) NOT NULL REFERENCES jz_rate_event (event_id) ON DELETE CASCADE,
  rules VARCHAR(200) NOT NULL,
  reported_on DATE NOT NULL,
  category VARCHAR(64),
  group_by VARCHAR(16) NOT NULL,
  group_key VARCHAR(64),
  group_name VARCHAR(255),
  assigned INTEGER NOT NULL,
  responded_in_time INTEGER NOT NULL,
  resolved INTEGER NOT NULL,
  resolved_on_time INTEGER NOT NULL,
  visits_answered INTEGER NOT NULL,
  visits_resolved INTEGER NOT NULL,
  visits_satisfied INTEGER NOT NULL,
  overdue INTEGER NOT NULL
);

CREATE INDEX jz_rate_share_period ON jz_rate_share (group_by, reported_on);
CREATE INDEX jz_rate_share_event ON jz_rate_share (event_id);

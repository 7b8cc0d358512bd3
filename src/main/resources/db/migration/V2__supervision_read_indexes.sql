-- Indexes the supervisors' pages need on a city's volume (measured with SupervisionReadBenchmark: 266,000 cases
-- and events, 1,000,000 historic tasks, 134,000 notices; README "Supervisors on a city's history").

-- 「时限监控」 asks for every task of its page whether its unit was reminded in that process instance: without
-- this index each row scanned every notice (20 ms a row, 1.2 s a page).
CREATE INDEX jz_notice_instance_kind ON jz_notice (process_instance_id, kind, recipient);

-- The dashboard counts the reminders sent since midnight.
CREATE INDEX jz_notice_kind_created ON jz_notice (kind, created_at);

-- The overdue records of a period, counted per unit (「时限监控」, below the list).
CREATE INDEX jz_overdue_recorded ON jz_overdue (recorded_at);

-- 「绩效统计」 reads the events reported in a period: by process and start time. The engine's own index is by
-- start time alone, so the period's every level and 督办件 instance was read and thrown away.
CREATE INDEX jz_hi_procinst_key_start ON ACT_HI_PROCINST (PROC_DEF_KEY_, START_TIME_);

-- … and the few variables it counts in each event's tree (category, urgency, each level's unit, action and limit,
-- the return visits' answers). The engine indexes the tree, or the name, not both: PostgreSQL read all of
-- ACT_HI_VARINST (4.5 million rows) for a month's rates.
CREATE INDEX jz_hi_varinst_root_name ON ACT_HI_VARINST (ROOT_PROC_INST_ID_, NAME_);

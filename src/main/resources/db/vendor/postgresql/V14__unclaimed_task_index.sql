-- Issue 15 (README 「Tasklist with 100,000 open tasks」): 「本单位待办」 and Tasklist's count of it ask for a unit's unclaimed
-- tasks — the unit's candidate links joined with the open tasks WHERE ASSIGNEE_ IS NULL, counted distinct. Without this
-- index PostgreSQL read every open task of the city from the table (100,000 rows, 61 ms of a 140 ms count); with it, the
-- unclaimed tasks' ids and the two columns the engine's query also tests come from a small index alone. A claim moves a
-- task out of it. H2, the embedded default for a local run, has no partial indexes and gets none.
CREATE INDEX jz_ru_task_unclaimed ON ACT_RU_TASK (ID_) INCLUDE (SUSPENSION_STATE_, TENANT_ID_) WHERE ASSIGNEE_ IS NULL;

-- Issue 15: a city's open tasks (README 「Performance at city scale」, TasklistBenchmark and DeadlineStormBenchmark).

-- Completing a task, the engine first looks for its subtasks (SELECT * FROM ACT_RU_TASK WHERE PARENT_TASK_ID_ = ?) and
-- has no index for that: every completion read all open tasks of the city (6 ms with 30,000 open tasks, growing).
CREATE INDEX jz_ru_task_parent ON ACT_RU_TASK (PARENT_TASK_ID_);

-- Tasklist's unit filters list a unit's tasks by due date, then newest first: without this index PostgreSQL sorted all of
-- a unit's open tasks (20,000) for every page.
CREATE INDEX jz_ru_task_due_created ON ACT_RU_TASK (DUE_DATE_, CREATE_TIME_ DESC);

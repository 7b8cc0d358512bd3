-- Issue 15 (README 「Tasklist with 100,000 open tasks」): a unit's candidate links in task order. With V14's index of the
-- unclaimed tasks, also in task order, PostgreSQL counts 「本单位待办」 by merging the two indexes — when it plans the count
-- for the unit that asks (org.jingzhi.tasklist.FilterQueryPlans) — instead of hashing the unit's links read from the
-- table. Only candidate links: the engine's others (a task's assignee or owner, a process's starters) are not asked so.
CREATE INDEX jz_ru_identitylink_candidate ON ACT_RU_IDENTITYLINK (GROUP_ID_, TASK_ID_) WHERE TYPE_ = 'candidate';

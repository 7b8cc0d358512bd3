-- Issue 15 (README 「Deadline storm」): the job executor asks for due jobs ORDER BY DUEDATE_ that no other thread holds,
-- which a subquery over the jobs locked now tells. H2 has no partial indexes (PostgreSQL's V18 indexes only the takeable
-- and the locked jobs), so here they hold every job.
CREATE INDEX IF NOT EXISTS JZ_IDX_JOB_DUE ON ACT_RU_JOB (DUEDATE_);
CREATE INDEX IF NOT EXISTS JZ_IDX_JOB_LOCK_EXP ON ACT_RU_JOB (LOCK_EXP_TIME_);
-- Until this migration the platform made these two at every start (IF NOT EXISTS: a database that has them keeps them),
-- and before the fifteenth round the indexes below, which the ones above replace.
DROP INDEX IF EXISTS JZ_IDX_JOB_TYPE_DUEDATE;
DROP INDEX IF EXISTS JZ_IDX_JOB_ACQUISITION;

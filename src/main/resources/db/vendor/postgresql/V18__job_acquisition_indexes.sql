-- Issue 15 (README 「Deadline storm」, fifteenth round): the job executor asks for due jobs (DUEDATE_ <= now; every job has
-- one since V17) ORDER BY DUEDATE_ that no other thread holds, which a subquery over the jobs locked now tells. PostgreSQL
-- keeps one plan for the statement (generic plans), made without knowing how many jobs are due or locked, so each index
-- holds only the jobs its part of the statement can want:
-- the jobs the job executor may take (not failed, not suspended) by due date, read in order up to the first that is not
-- due, so a storm's 10,000 limits due at 23:59:59 cost what their first few cost and a quiet poll reads nothing however
-- many timers wait;
CREATE INDEX IF NOT EXISTS jz_idx_job_due ON ACT_RU_JOB (DUEDATE_) WHERE RETRIES_ > 0 AND SUSPENSION_STATE_ = 1;
-- the locked jobs by lock expiry: the few in flight, where an index of every job's expiry looked to the plan like a third
-- of the table and was passed over for a scan of it at every acquisition.
CREATE INDEX IF NOT EXISTS jz_idx_job_locked ON ACT_RU_JOB (LOCK_EXP_TIME_) WHERE LOCK_OWNER_ IS NOT NULL;
-- Until this migration the platform made these two at every start (IF NOT EXISTS: a database that has them keeps them),
-- and before the fifteenth round the indexes below, which the ones above replace.
DROP INDEX IF EXISTS jz_idx_job_lock_exp;
DROP INDEX IF EXISTS jz_idx_job_type_duedate;
DROP INDEX IF EXISTS jz_idx_job_acquisition;

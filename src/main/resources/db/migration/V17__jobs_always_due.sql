-- Issue 15 (README 「Deadline storm」, fifteenth round): the job executor now takes only jobs with a due date
-- (ensure-job-due-date-not-null), so that its look-up can stop at the first job not yet due. Jobs made before without
-- one were due at once: they get the time of this migration, and keep their place as the oldest due.
UPDATE ACT_RU_JOB SET DUEDATE_ = CURRENT_TIMESTAMP WHERE DUEDATE_ IS NULL AND SUSPENSION_STATE_ = 1;

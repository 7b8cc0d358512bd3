-- Issue 15 (README 「Deadline storm」, fifteenth round): the job executor now takes only jobs with a due date
-- (ensure-job-due-date-not-null), so that its look-up can stop at the first job not yet due. Jobs made before without
-- one were due at once: they get the time of this migration, suspended ones too, which would otherwise never run once
-- activated again.
UPDATE ACT_RU_JOB SET DUEDATE_ = CURRENT_TIMESTAMP WHERE DUEDATE_ IS NULL;

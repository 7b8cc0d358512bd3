-- Issue 15 (README 「Database work per case」): a scope's own variables. The engine reads them with
-- EXECUTION_ID_ = ? AND TASK_ID_ IS NULL, 27 times a case. With statistics kept, as autovacuum keeps them, PostgreSQL
-- read about 1,000 index entries a read for the few variables of one scope (other scopes' variables and the dead rows of
-- ended cases); this index holds each scope's variables alone, under the statement's own condition.
CREATE INDEX jz_ru_variable_scope ON ACT_RU_VARIABLE (EXECUTION_ID_) WHERE TASK_ID_ IS NULL;

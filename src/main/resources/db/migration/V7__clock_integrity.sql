-- One clock per deadline variable of an execution, and one open excluded period per department and case: "once"
-- held by the database when two requests arrive at the same moment. open_unit is the unit while the period is open,
-- NULL once it ended (NULLs do not collide, in PostgreSQL as in H2).
CREATE UNIQUE INDEX jz_clock_once ON jz_clock (execution_id, variable_name);
ALTER TABLE jz_excluded_period ADD COLUMN open_unit VARCHAR(64);
ALTER TABLE jz_excluded_period ADD CONSTRAINT jz_excluded_period_open_once UNIQUE (process_instance_id, open_unit);
-- whether the period stopped the case total (it does not when the total had already passed)
ALTER TABLE jz_excluded_period ADD COLUMN stopped_case BOOLEAN DEFAULT FALSE NOT NULL;

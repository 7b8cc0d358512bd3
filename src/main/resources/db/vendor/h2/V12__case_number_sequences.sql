-- Case (LH) and event (SJ) numbers come from sequences, as on PostgreSQL (see db/vendor/postgresql/V12); H2 has no
-- setval, so the sequences restart where the counters stood.
CREATE SEQUENCE jz_case_number_lh;
CREATE SEQUENCE jz_case_number_sj;
ALTER SEQUENCE jz_case_number_lh RESTART WITH (SELECT last_value + 1 FROM jz_case_counter WHERE series = 'LH');
ALTER SEQUENCE jz_case_number_sj RESTART WITH (SELECT last_value + 1 FROM jz_case_counter WHERE series = 'SJ');
DELETE FROM jz_case_counter WHERE series IN ('LH', 'SJ');

-- Case (LH) and event (SJ) numbers come from sequences: the counter row of jz_case_counter stayed locked until the
-- start that took it committed, so every start of a series in the city waited for the one before it. A sequence hands
-- out the next value at once; a start that fails after drawing its number leaves a gap (jz_case_number lists every
-- number that became a case). The sequences continue where the counters stood.
CREATE SEQUENCE jz_case_number_lh;
CREATE SEQUENCE jz_case_number_sj;
SELECT setval('jz_case_number_lh', (SELECT last_value + 1 FROM jz_case_counter WHERE series = 'LH'), false);
SELECT setval('jz_case_number_sj', (SELECT last_value + 1 FROM jz_case_counter WHERE series = 'SJ'), false);
DELETE FROM jz_case_counter WHERE series IN ('LH', 'SJ');

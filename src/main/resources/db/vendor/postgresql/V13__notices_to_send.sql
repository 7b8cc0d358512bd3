-- The dispatcher's question — the oldest notice due that is still to be sent (PENDING, or FAILED and to be tried again)
-- — answered from an index of only those: a handful of rows however many notices were delivered. With the index of V10
-- (status, next_attempt_at) PostgreSQL read the whole outbox for each notice while the table was small and its
-- statistics old (README "Database work per case"). The H2 twin is db/vendor/h2/V13__notices_to_send.sql.
CREATE INDEX jz_notice_to_send ON jz_notice (next_attempt_at, id) WHERE status IN ('PENDING', 'FAILED');

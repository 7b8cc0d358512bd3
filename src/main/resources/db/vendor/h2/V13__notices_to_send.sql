-- H2 has no partial indexes: the same order over the whole outbox (the PostgreSQL twin,
-- db/vendor/postgresql/V13__notices_to_send.sql, indexes only the notices still to be sent).
CREATE INDEX jz_notice_to_send ON jz_notice (next_attempt_at, id);

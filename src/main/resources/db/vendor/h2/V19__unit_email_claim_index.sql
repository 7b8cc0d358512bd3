-- H2 has no partial indexes: a mailbox's notices in due order over the whole outbox (the PostgreSQL twin,
-- db/vendor/postgresql/V19__unit_email_claim_index.sql, indexes only the unit e-mails still to be sent).
CREATE INDEX jz_notice_unit_emails ON jz_notice (address, next_attempt_at, id);

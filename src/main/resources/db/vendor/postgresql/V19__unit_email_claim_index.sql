-- The dispatcher's claim of the other e-mails due to a unit's mailbox (NoticeDispatcher.CLAIM_UNIT_EMAILS, asked at every
-- unit e-mail) answered from an index of only those: the mailbox's unit e-mails still to be sent, oldest first. Without
-- it PostgreSQL read every notice still to be sent (an SMS backlog included) or every e-mail ever delivered, through the
-- units' list index (README "Notices"). The H2 twin is db/vendor/h2/V19__unit_email_claim_index.sql.
CREATE INDEX jz_notice_unit_emails ON jz_notice (address, next_attempt_at, id)
 WHERE status IN ('PENDING', 'FAILED') AND channel = 'EMAIL' AND recipient_kind = 'UNIT';

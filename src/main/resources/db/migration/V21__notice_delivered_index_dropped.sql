-- jz_notice_undelivered (V1) indexed delivered_at for a list of undelivered notices that the outbox (V10) replaced:
-- what is still to be sent is found by status (jz_notice_due, jz_notice_to_send), and no query filters or orders by
-- delivered_at. The index was kept up by every notice written and every delivery (README 「Notices」).
DROP INDEX jz_notice_undelivered;

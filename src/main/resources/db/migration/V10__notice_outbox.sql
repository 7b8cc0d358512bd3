-- jz_notice becomes the outbox (org.jingzhi.notice): each row is one message to one recipient on one channel,
-- written in the transaction of the step that causes it and delivered by NoticeDispatcher.
--   channel   IN_APP (the unit's list in the platform) | SMS | EMAIL
--   address   where it goes: a mobile number or an e-mail address; NULL in the platform
--   template  the id in notice/templates.yaml; params its parameters as a JSON object of strings
--   status    PENDING | SENT | FAILED (tried, tried again at next_attempt_at) | GIVEN_UP
ALTER TABLE jz_notice ADD COLUMN channel VARCHAR(16) DEFAULT 'IN_APP' NOT NULL;
ALTER TABLE jz_notice ADD COLUMN address VARCHAR(320);
ALTER TABLE jz_notice ADD COLUMN template VARCHAR(64);
ALTER TABLE jz_notice ADD COLUMN params VARCHAR(8000);
ALTER TABLE jz_notice ADD COLUMN status VARCHAR(16) DEFAULT 'SENT' NOT NULL;
ALTER TABLE jz_notice ADD COLUMN attempts INT DEFAULT 0 NOT NULL;
ALTER TABLE jz_notice ADD COLUMN next_attempt_at TIMESTAMP;
ALTER TABLE jz_notice ADD COLUMN last_error VARCHAR(1000);
ALTER TABLE jz_notice ADD COLUMN read_at TIMESTAMP;
ALTER TABLE jz_notice ADD COLUMN read_by VARCHAR(64);

-- Notices to applicants before the outbox were only written to the log: say so, rather than call them sent.
UPDATE jz_notice SET channel = 'SMS', address = recipient, status = 'GIVEN_UP', last_error = '升级前的通知只写入了日志，未经短信发出'
 WHERE recipient_kind <> 'UNIT';

-- the dispatcher's question: what is due now
CREATE INDEX jz_notice_due ON jz_notice (status, next_attempt_at);
-- a unit's own list, newest first, and its unread count
CREATE INDEX jz_notice_inbox ON jz_notice (recipient, channel, read_at, id);

-- The citizen's own return visit (短信回访): a single-use link sent by SMS when an event is resolved. Only the
-- SHA-256 of the token is kept; the token itself is in the message (and masked wherever the platform shows it).
CREATE TABLE jz_visit_token (
    token_hash          VARCHAR(64)  PRIMARY KEY,
    process_instance_id VARCHAR(64)  NOT NULL,
    task_id             VARCHAR(64)  NOT NULL,
    event_number        VARCHAR(64)  NOT NULL,
    created_at          TIMESTAMP    NOT NULL,
    expires_at          TIMESTAMP    NOT NULL,
    used_at             TIMESTAMP
);
CREATE INDEX jz_visit_token_task ON jz_visit_token (task_id);

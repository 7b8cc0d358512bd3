-- "Once" held by the database, for clients that retry and nodes that die (org.jingzhi.intake, supervision, notice).

-- A submission or report made with an Idempotency-Key: the first answer, given again to a retry of the same request.
CREATE TABLE jz_intake (
    requested_by    VARCHAR(64)   NOT NULL,
    idempotency_key VARCHAR(128)  NOT NULL,
    endpoint        VARCHAR(64)   NOT NULL,
    request_hash    VARCHAR(64)   NOT NULL,
    status          INT,
    response        VARCHAR(4000),
    created_at      TIMESTAMP     NOT NULL,
    PRIMARY KEY (requested_by, idempotency_key)
);

-- Every case and event number issued, once.
CREATE TABLE jz_case_number (
    number              VARCHAR(64) NOT NULL PRIMARY KEY,
    process_instance_id VARCHAR(64) NOT NULL,
    issued_at           TIMESTAMP   NOT NULL
);

-- One overdue record per missed limit: the activity instance holding the timer (a review, a summons, the event), the
-- unit and the due time.
ALTER TABLE jz_overdue ADD COLUMN scope_instance_id VARCHAR(64);
ALTER TABLE jz_overdue ADD CONSTRAINT jz_overdue_once UNIQUE (process_instance_id, activity_id, unit, due_at, scope_instance_id);

-- One notice per cause where a step can tell it (a missed limit, a reminder); NULL otherwise.
ALTER TABLE jz_notice ADD COLUMN idempotency_key VARCHAR(300);
ALTER TABLE jz_notice ADD CONSTRAINT jz_notice_once UNIQUE (idempotency_key);

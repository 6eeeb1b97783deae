-- The approval gate: users with a role, their API tokens (only the SHA-256 of a token is stored), proposed fixes
-- and the append-only audit log of human decisions. audit_log refuses UPDATE and DELETE through triggers, and every
-- row carries the SHA-256 of its content and of the previous row (a hash chain), so an edit made after dropping
-- the triggers is still detected by the verification routine.
CREATE TABLE review_user (
    id VARCHAR(64) PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    role VARCHAR(20) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT review_user_name UNIQUE (name)
);
CREATE TABLE review_token (
    token_hash VARCHAR(64) PRIMARY KEY,
    user_id VARCHAR(64) NOT NULL REFERENCES review_user(id),
    label VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE
);
CREATE TABLE review_fix (
    id VARCHAR(64) PRIMARY KEY,
    kind VARCHAR(20) NOT NULL,
    clip VARCHAR(500) NOT NULL,
    body CLOB NOT NULL,
    proposed_by VARCHAR(200) NOT NULL,
    proposed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    model_version VARCHAR(200)
);
CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY,
    decision_id VARCHAR(64) NOT NULL,
    subject_type VARCHAR(10) NOT NULL,
    subject_id VARCHAR(200) NOT NULL,
    decision VARCHAR(20) NOT NULL,
    decided_by VARCHAR(200) NOT NULL,
    role VARCHAR(20) NOT NULL,
    decided_at VARCHAR(40) NOT NULL,
    reason VARCHAR(4000) NOT NULL,
    model_version VARCHAR(200),
    evidence VARCHAR(8000) NOT NULL,
    prev_hash VARCHAR(64) NOT NULL,
    hash VARCHAR(64) NOT NULL,
    CONSTRAINT audit_decision_id UNIQUE (decision_id),
    CONSTRAINT audit_one_decision UNIQUE (subject_type, subject_id)
);
-- The chain head: the last row's seq and hash, updated in the same transaction as every append. Its foreign key
-- makes H2 refuse TRUNCATE TABLE audit_log (which fires no trigger), and the verification compares it with the
-- last row, so rows removed from the end are detected too.
CREATE TABLE audit_head (
    id INT PRIMARY KEY CHECK (id = 1),
    seq BIGINT NOT NULL REFERENCES audit_log(seq),
    hash VARCHAR(64) NOT NULL
);
-- Decisions whose outgoing message is in the outbox: an approval recorded but not yet enqueued (a crash between
-- the two) is enqueued again at the next start.
CREATE TABLE review_sent (
    decision_id VARCHAR(64) PRIMARY KEY,
    message_id VARCHAR(100) NOT NULL,
    enqueued_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW CALL 'io.setkeeper.appliance.store.AppendOnlyTrigger';
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW CALL 'io.setkeeper.appliance.store.AppendOnlyTrigger'

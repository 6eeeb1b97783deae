-- Dailies analysis: one row per clip (state machine QUEUED -> RUNNING -> DONE | FAILED) and its QC findings.
CREATE TABLE clip_analysis (
    clip_id       BIGINT PRIMARY KEY REFERENCES clip(id),
    production_id VARCHAR(64) NOT NULL,
    state         VARCHAR(16) NOT NULL,
    frames_done   BIGINT NOT NULL DEFAULT 0,
    frames_total  BIGINT NOT NULL DEFAULT 0,
    attempts      INT NOT NULL DEFAULT 0,
    error         VARCHAR(4096),
    result_json   CLOB,
    queued_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE,
    finished_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX clip_analysis_state ON clip_analysis(state);
CREATE TABLE finding (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    clip_id       BIGINT NOT NULL REFERENCES clip(id),
    production_id VARCHAR(64) NOT NULL,
    type          VARCHAR(32) NOT NULL,
    severity      VARCHAR(16) NOT NULL,
    start_frame   BIGINT NOT NULL,
    end_frame     BIGINT NOT NULL,
    start_pts     BIGINT NOT NULL,
    end_pts       BIGINT NOT NULL,
    start_tc      VARCHAR(16),
    end_tc        VARCHAR(16),
    message       VARCHAR(1024) NOT NULL,
    evidence_json CLOB NOT NULL,
    still         VARCHAR(255)
);
CREATE INDEX finding_clip ON finding(clip_id);
CREATE INDEX finding_production ON finding(production_id);

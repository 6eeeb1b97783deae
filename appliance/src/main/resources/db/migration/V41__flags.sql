-- Continuity: the facts each analysed clip gave (JSON, re-read to compare takes) and the flags raised from them.
-- A flag's id is a hash of its content (kind, scene, clips, subject), so re-running analysis or the model finds
-- the same flag again, and a person's decision on it (review audit log, subject FLAG) still applies.
CREATE TABLE continuity_facts (
    production_id VARCHAR(64) NOT NULL,
    clip_id       BIGINT NOT NULL,
    scene         VARCHAR(64),
    facts         CLOB NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (production_id, clip_id)
);
CREATE INDEX continuity_facts_scene ON continuity_facts(production_id, scene);

CREATE TABLE flag (
    id            VARCHAR(32) PRIMARY KEY,
    production_id VARCHAR(64) NOT NULL,
    kind          VARCHAR(32) NOT NULL,
    scene         VARCHAR(64),
    setup         VARCHAR(64),
    clips         VARCHAR(4096) NOT NULL,
    clip_ids      VARCHAR(1024) NOT NULL,
    subject       VARCHAR(256) NOT NULL,
    summary       VARCHAR(4096) NOT NULL,
    numbers       CLOB NOT NULL,
    region        VARCHAR(256),
    evidence      VARCHAR(4096) NOT NULL,
    raised_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX flag_production ON flag(production_id, raised_at);

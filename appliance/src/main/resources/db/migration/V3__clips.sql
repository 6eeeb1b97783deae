-- Clips: every media file of a verified card, with its probe data and slate data as JSON documents.
CREATE TABLE clip (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    production_id VARCHAR(64) NOT NULL REFERENCES production(id),
    card_id       VARCHAR(64) NOT NULL REFERENCES card(id),
    rel_path      VARCHAR(4096) NOT NULL,
    file_name     VARCHAR(1024) NOT NULL,
    media_path    VARCHAR(4096) NOT NULL,
    kind          VARCHAR(16) NOT NULL,
    status        VARCHAR(16) NOT NULL,
    error         VARCHAR(4096),
    camera        VARCHAR(16),
    roll          VARCHAR(32),
    clip_number   VARCHAR(32),
    start_tc      VARCHAR(16),
    fps           VARCHAR(16),
    width         INT,
    height        INT,
    duration_s    DOUBLE PRECISION,
    scene         VARCHAR(64),
    take_no       VARCHAR(32),
    circled       BOOLEAN,
    probe_json    CLOB,
    slate_json    CLOB,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (card_id, rel_path)
);
CREATE INDEX clip_production ON clip(production_id);

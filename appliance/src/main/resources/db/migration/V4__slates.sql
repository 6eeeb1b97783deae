-- Slate information from sidecars (camera ALE, script supervisor log, sound reports), kept per source line so
-- that a clip can show where each value came from and where sources disagree.
CREATE TABLE slate_entry (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    production_id  VARCHAR(64) NOT NULL REFERENCES production(id),
    source_kind    VARCHAR(16) NOT NULL,
    source_file    VARCHAR(4096) NOT NULL,
    line_no        INT NOT NULL,
    match_name     VARCHAR(1024),
    match_path     VARCHAR(4096),
    scene          VARCHAR(64),
    setup          VARCHAR(64),
    take_no        VARCHAR(32),
    circled        BOOLEAN,
    camroll        VARCHAR(64),
    camera         VARCHAR(16),
    start_tc       VARCHAR(16),
    notes          VARCHAR(4096),
    imported_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (production_id, source_file, line_no)
);
CREATE INDEX slate_entry_name ON slate_entry(production_id, match_name);

ALTER TABLE clip ADD COLUMN setup VARCHAR(64);

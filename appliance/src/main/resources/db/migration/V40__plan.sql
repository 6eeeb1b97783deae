-- The production's plan as imported: the screenplay (Fountain or Final Draft), the shot list (CSV) and the scenes
-- of the day, one row per kind. The source bytes are kept as sent and parsed on read, so a re-import replaces the
-- plan and the problems reported are always those of the stored text.
CREATE TABLE plan_source (
    production_id VARCHAR(64) NOT NULL,
    kind          VARCHAR(16) NOT NULL,
    format        VARCHAR(16) NOT NULL,
    file_name     VARCHAR(1024),
    content       BLOB NOT NULL,
    imported_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (production_id, kind)
);

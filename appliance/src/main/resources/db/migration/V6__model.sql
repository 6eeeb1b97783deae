-- The production model: signed versions (files under the data dir, lineage and the active one here), people's
-- corrections, and the latest prediction per clip.
CREATE TABLE model_version (
    production_id   VARCHAR(64) NOT NULL,
    version_id      VARCHAR(32) NOT NULL,
    seq             BIGINT NOT NULL,
    parent_id       VARCHAR(32),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    reason          VARCHAR(1024) NOT NULL,
    dir             VARCHAR(4096) NOT NULL,
    manifest_sha256 CHAR(64) NOT NULL,
    onnx_sha256     CHAR(64) NOT NULL,
    signature       VARCHAR(256) NOT NULL,
    active          BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (production_id, version_id),
    UNIQUE (production_id, seq)
);

CREATE TABLE model_correction (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    production_id  VARCHAR(64) NOT NULL,
    kind           VARCHAR(16) NOT NULL,
    clip           VARCHAR(1024) NOT NULL,
    person         INT NOT NULL,
    corrected_to   VARCHAR(256) NOT NULL,
    made_by        VARCHAR(256) NOT NULL,
    made_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX model_correction_production ON model_correction(production_id, id);

CREATE TABLE model_prediction (
    production_id     VARCHAR(64) NOT NULL,
    clip              VARCHAR(1024) NOT NULL,
    main_character    VARCHAR(256),
    character_conf    DOUBLE PRECISION,
    setup_predicted   VARCHAR(64),
    setup_slate       VARCHAR(64),
    setup_conf        DOUBLE PRECISION,
    disagreement      VARCHAR(32),
    margin            DOUBLE PRECISION,
    predicted_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (production_id, clip)
);

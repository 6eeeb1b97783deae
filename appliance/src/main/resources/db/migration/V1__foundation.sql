-- Productions, shoot days and cards: the frame every other table hangs from.
CREATE TABLE production (
    id          VARCHAR(64) PRIMARY KEY,
    name        VARCHAR(255) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE shoot_day (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    production_id VARCHAR(64) NOT NULL REFERENCES production(id),
    day_date      DATE NOT NULL,
    label         VARCHAR(64) NOT NULL,
    UNIQUE (production_id, day_date)
);

CREATE TABLE card (
    id            VARCHAR(64) PRIMARY KEY,
    production_id VARCHAR(64) NOT NULL REFERENCES production(id),
    shoot_day_id  BIGINT REFERENCES shoot_day(id),
    label         VARCHAR(128) NOT NULL,
    source_path   VARCHAR(4096) NOT NULL,
    fingerprint   VARCHAR(64) NOT NULL,
    file_count    INT NOT NULL,
    byte_count    BIGINT NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX card_fingerprint ON card(production_id, fingerprint);

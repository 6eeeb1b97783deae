-- Offload jobs. A file copy is VERIFIED only after its destination was read back and matched the source hash.
CREATE TABLE offload_job (
    id            VARCHAR(64) PRIMARY KEY,
    card_id       VARCHAR(64) NOT NULL REFERENCES card(id),
    algorithm     VARCHAR(16) NOT NULL,
    state         VARCHAR(16) NOT NULL,
    destinations_key VARCHAR(64) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE,
    finished_at   TIMESTAMP WITH TIME ZONE,
    error         VARCHAR(4096)
);
CREATE INDEX offload_job_card ON offload_job(card_id, destinations_key);

CREATE TABLE job_destination (
    job_id   VARCHAR(64) NOT NULL REFERENCES offload_job(id),
    idx      INT NOT NULL,
    path     VARCHAR(4096) NOT NULL,
    state    VARCHAR(16) NOT NULL,
    mhl_generation INT,
    error    VARCHAR(4096),
    PRIMARY KEY (job_id, idx)
);

CREATE TABLE job_file (
    job_id      VARCHAR(64) NOT NULL REFERENCES offload_job(id),
    rel_path    VARCHAR(4096) NOT NULL,
    size        BIGINT NOT NULL,
    modified_at TIMESTAMP WITH TIME ZONE NOT NULL,
    source_hash VARCHAR(256),
    state       VARCHAR(16) NOT NULL,
    error       VARCHAR(4096),
    PRIMARY KEY (job_id, rel_path)
);

CREATE TABLE job_file_copy (
    job_id      VARCHAR(64) NOT NULL,
    rel_path    VARCHAR(4096) NOT NULL,
    dest_idx    INT NOT NULL,
    dest_hash   VARCHAR(256),
    state       VARCHAR(16) NOT NULL,
    error       VARCHAR(4096),
    verified_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (job_id, rel_path, dest_idx),
    FOREIGN KEY (job_id, rel_path) REFERENCES job_file(job_id, rel_path)
);

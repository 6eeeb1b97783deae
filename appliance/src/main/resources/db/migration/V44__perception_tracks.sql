-- Perception per time range (issue 3): one row per sampled frame (faces with their track, people and objects,
-- person-mask coverage) and one row per face track (frame range, per-frame boxes and head pose, mean embedding).
CREATE TABLE perception_frame (
    clip_id     BIGINT NOT NULL REFERENCES clip(id),
    pts_micros  BIGINT NOT NULL,
    frame_json  CLOB NOT NULL,
    PRIMARY KEY (clip_id, pts_micros)
);
CREATE TABLE face_track (
    clip_id        BIGINT NOT NULL REFERENCES clip(id),
    track_id       INT NOT NULL,
    first_pts      BIGINT NOT NULL,
    last_pts       BIGINT NOT NULL,
    observations   INT NOT NULL,
    embedding_json CLOB NOT NULL,
    track_json     CLOB NOT NULL,
    PRIMARY KEY (clip_id, track_id)
);

package io.setkeeper.appliance.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Per-clip analysis state, results (a JSON document) and QC findings in H2. The state column makes the analysis
 * restartable: QUEUED and RUNNING rows left by a stopped appliance are picked up again; DONE and FAILED are kept.
 */
public final class AnalysisStore {
    /** Where a clip's analysis is. */
    public enum State { QUEUED, RUNNING, DONE, FAILED }

    /** One clip's analysis row. */
    public record Row(long clipId, String production, State state, long framesDone, long framesTotal, int attempts,
                      Optional<String> error, Optional<String> resultJson, Instant queuedAt,
                      Optional<Instant> startedAt, Optional<Instant> finishedAt) {
    }

    /** One stored finding; {@code evidenceJson} holds the numbers and representative frames. */
    public record FindingRow(long id, long clipId, String production, String type, String severity, long startFrame,
                             long endFrame, long startPts, long endPts, Optional<String> startTc,
                             Optional<String> endTc, String message, String evidenceJson, Optional<String> still) {
    }

    /** One sampled frame's perception as a JSON document. */
    public record FrameRow(long ptsMicros, String json) {
    }

    /** One face track: its time range, how many sampled frames it was seen in, its mean embedding and its JSON. */
    public record TrackRow(int trackId, long firstPts, long lastPts, int observations, float[] embedding, String json) {
    }

    private static final String COLUMNS = "clip_id, production_id, state, frames_done, frames_total, attempts, error,"
            + " result_json, queued_at, started_at, finished_at";
    private static final String FINDING_COLUMNS = "id, clip_id, production_id, type, severity, start_frame, end_frame,"
            + " start_pts, end_pts, start_tc, end_tc, message, evidence_json, still";

    private final Database db;
    private final Clock clock;

    public AnalysisStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Queues a clip unless it already has a row; returns true when newly queued. */
    public boolean queue(long clipId, String production) {
        return db.transaction(c -> {
            if (!Database.query(c, "SELECT clip_id FROM clip_analysis WHERE clip_id = ?", rs -> rs.getLong(1), clipId)
                    .isEmpty()) {
                return false;
            }
            Database.update(c, "INSERT INTO clip_analysis(clip_id, production_id, state, queued_at) VALUES (?, ?, ?, ?)",
                    clipId, production, State.QUEUED.name(), clock.instant());
            return true;
        });
    }

    /** Marks a clip running (a new attempt) and drops findings of an earlier, unfinished attempt. */
    public void start(long clipId, long framesTotal) {
        db.transaction(c -> {
            Database.update(c, "DELETE FROM finding WHERE clip_id = ?", clipId);
            Database.update(c, "UPDATE clip_analysis SET state = ?, frames_done = 0, frames_total = ?, attempts = attempts + 1,"
                    + " error = NULL, result_json = NULL, started_at = ?, finished_at = NULL WHERE clip_id = ?",
                    State.RUNNING.name(), framesTotal, clock.instant(), clipId);
            return null;
        });
    }

    public void progress(long clipId, long framesDone) {
        db.update("UPDATE clip_analysis SET frames_done = ? WHERE clip_id = ?", framesDone, clipId);
    }

    /** Stores the result and findings in one transaction and marks the clip DONE (with an error note if partial). */
    public void finish(long clipId, long frames, String resultJson, Optional<String> note, List<FindingRow> findings) {
        db.transaction(c -> {
            Database.update(c, "DELETE FROM finding WHERE clip_id = ?", clipId);
            for (FindingRow f : findings) {
                Database.update(c, "INSERT INTO finding(clip_id, production_id, type, severity, start_frame, end_frame,"
                        + " start_pts, end_pts, start_tc, end_tc, message, evidence_json, still)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", clipId, f.production(), f.type(),
                        f.severity(), f.startFrame(), f.endFrame(), f.startPts(), f.endPts(), f.startTc().orElse(null),
                        f.endTc().orElse(null), f.message(), f.evidenceJson(), f.still().orElse(null));
            }
            Database.update(c, "UPDATE clip_analysis SET state = ?, frames_done = ?, error = ?, result_json = ?,"
                    + " finished_at = ? WHERE clip_id = ?", State.DONE.name(), frames, note.orElse(null), resultJson,
                    clock.instant(), clipId);
            return null;
        });
    }

    /** Replaces a clip's per-frame perception and face tracks in one transaction. */
    public void perception(long clipId, List<FrameRow> frames, List<TrackRow> tracks) {
        db.transaction(c -> {
            Database.update(c, "DELETE FROM perception_frame WHERE clip_id = ?", clipId);
            Database.update(c, "DELETE FROM face_track WHERE clip_id = ?", clipId);
            for (FrameRow f : frames) {
                Database.update(c, "INSERT INTO perception_frame(clip_id, pts_micros, frame_json) VALUES (?, ?, ?)",
                        clipId, f.ptsMicros(), f.json());
            }
            for (TrackRow t : tracks) {
                Database.update(c, "INSERT INTO face_track(clip_id, track_id, first_pts, last_pts, observations,"
                        + " embedding_json, track_json) VALUES (?, ?, ?, ?, ?, ?, ?)", clipId, t.trackId(), t.firstPts(),
                        t.lastPts(), t.observations(), floats(t.embedding()), t.json());
            }
            return null;
        });
    }

    public List<FrameRow> perceptionFrames(long clipId) {
        return db.query("SELECT pts_micros, frame_json FROM perception_frame WHERE clip_id = ? ORDER BY pts_micros",
                rs -> new FrameRow(rs.getLong(1), rs.getString(2)), clipId);
    }

    public List<TrackRow> faceTracks(long clipId) {
        return db.query("SELECT track_id, first_pts, last_pts, observations, embedding_json, track_json FROM face_track"
                + " WHERE clip_id = ? ORDER BY first_pts, track_id", rs -> new TrackRow(rs.getInt(1), rs.getLong(2),
                rs.getLong(3), rs.getInt(4), floats(rs.getString(5)), rs.getString(6)), clipId);
    }

    private static String floats(float[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ",").append(v[i]);
        }
        return b.append(']').toString();
    }

    private static float[] floats(String json) {
        String inner = json.strip();
        inner = inner.substring(1, inner.length() - 1).strip();
        if (inner.isEmpty()) {
            return new float[0];
        }
        String[] parts = inner.split(",");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Float.parseFloat(parts[i].strip());
        }
        return out;
    }

    public void fail(long clipId, String error) {
        db.update("UPDATE clip_analysis SET state = ?, error = ?, finished_at = ? WHERE clip_id = ?",
                State.FAILED.name(), error.length() > 4000 ? error.substring(0, 4000) : error, clock.instant(), clipId);
    }

    /** Clips queued or interrupted while running, oldest first. */
    public List<Long> unfinished() {
        return db.query("SELECT clip_id FROM clip_analysis WHERE state IN ('QUEUED', 'RUNNING') ORDER BY queued_at, clip_id",
                rs -> rs.getLong(1));
    }

    public Optional<Row> analysis(long clipId) {
        return db.first("SELECT " + COLUMNS + " FROM clip_analysis WHERE clip_id = ?", AnalysisStore::row, clipId);
    }

    public List<FindingRow> findings(long clipId) {
        return db.query("SELECT " + FINDING_COLUMNS + " FROM finding WHERE clip_id = ? ORDER BY start_frame, id",
                AnalysisStore::finding, clipId);
    }

    public List<FindingRow> findingsOf(String production) {
        return db.query("SELECT " + FINDING_COLUMNS + " FROM finding WHERE production_id = ? ORDER BY clip_id,"
                + " start_frame, id", AnalysisStore::finding, production);
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), rs.getString(2), State.valueOf(rs.getString(3)), rs.getLong(4), rs.getLong(5),
                rs.getInt(6), SlateStore.opt(rs, 7), SlateStore.opt(rs, 8), JobStore.instant(rs, 9).orElseThrow(),
                JobStore.instant(rs, 10), JobStore.instant(rs, 11));
    }

    private static FindingRow finding(ResultSet rs) throws SQLException {
        return new FindingRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), SlateStore.opt(rs, 10),
                SlateStore.opt(rs, 11), rs.getString(12), rs.getString(13), SlateStore.opt(rs, 14));
    }
}

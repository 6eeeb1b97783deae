package io.setkeeper.appliance.store;

import io.setkeeper.appliance.ingest.CardFile;
import io.setkeeper.appliance.ingest.JobFile;
import io.setkeeper.appliance.ingest.OffloadJob;
import io.setkeeper.appliance.ingest.OffloadJournal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Offload jobs in H2: the durable journal the offload runner resumes from. */
public final class JobStore implements OffloadJournal {
    private final Database db;
    private final Clock clock;

    public JobStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Creates a job with its destinations and the card's files, all pending, in one transaction. */
    public void create(OffloadJob job, String destinationsKey, List<CardFile> files) {
        db.transaction(c -> {
            Database.update(c, """
                    INSERT INTO offload_job(id, card_id, algorithm, state, destinations_key, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)""", job.id(), job.cardId(), job.algorithm(), job.state().name(),
                    destinationsKey, job.createdAt());
            for (OffloadJob.Destination d : job.destinations()) {
                Database.update(c, "INSERT INTO job_destination(job_id, idx, path, state) VALUES (?, ?, ?, ?)",
                        job.id(), d.index(), d.path().toString(), d.state().name());
            }
            for (CardFile f : files) {
                Database.update(c, """
                        INSERT INTO job_file(job_id, rel_path, size, modified_at, state) VALUES (?, ?, ?, ?, ?)""",
                        job.id(), f.relPath(), f.size(), f.modified(), JobFile.FileState.PENDING.name());
                for (OffloadJob.Destination d : job.destinations()) {
                    Database.update(c, """
                            INSERT INTO job_file_copy(job_id, rel_path, dest_idx, state) VALUES (?, ?, ?, ?)""",
                            job.id(), f.relPath(), d.index(), JobFile.CopyState.PENDING.name());
                }
            }
            return null;
        });
    }

    /** The newest job for a card and destination set, if any. */
    public Optional<OffloadJob> findFor(String cardId, String destinationsKey) {
        return db.first("SELECT id FROM offload_job WHERE card_id = ? AND destinations_key = ? "
                + "ORDER BY created_at DESC", rs -> rs.getString(1), cardId, destinationsKey).flatMap(this::job);
    }

    /** Jobs that did not finish: what a restart resumes. */
    public List<String> unfinished() {
        return db.query("SELECT id FROM offload_job WHERE state NOT IN ('DONE', 'FAILED') ORDER BY created_at",
                rs -> rs.getString(1));
    }

    public List<OffloadJob> all(String production) {
        return db.query("""
                SELECT j.id FROM offload_job j JOIN card c ON c.id = j.card_id WHERE c.production_id = ?
                ORDER BY j.created_at DESC""", rs -> rs.getString(1), production).stream()
                .flatMap(id -> job(id).stream()).toList();
    }

    /** Makes a finished job runnable again: failed files and copies go back to pending, destinations to active. */
    public void reopen(String jobId) {
        db.transaction(c -> {
            Database.update(c, "UPDATE job_file SET state = 'PENDING', error = NULL WHERE job_id = ? AND state = "
                    + "'FAILED'", jobId);
            Database.update(c, "UPDATE job_file_copy SET state = 'PENDING', error = NULL, dest_hash = NULL "
                    + "WHERE job_id = ? AND state = 'FAILED'", jobId);
            Database.update(c, "UPDATE job_destination SET state = 'ACTIVE', error = NULL WHERE job_id = ?", jobId);
            Database.update(c, "UPDATE offload_job SET state = 'QUEUED', error = NULL, finished_at = NULL "
                    + "WHERE id = ?", jobId);
            return null;
        });
    }

    @Override
    public Optional<OffloadJob> job(String jobId) {
        return db.transaction(c -> {
            List<OffloadJob.Destination> dests = Database.query(c, """
                    SELECT idx, path, state, mhl_generation, error FROM job_destination WHERE job_id = ?
                    ORDER BY idx""", rs -> new OffloadJob.Destination(rs.getInt(1), Path.of(rs.getString(2)),
                    OffloadJob.DestinationState.valueOf(rs.getString(3)),
                    Optional.ofNullable((Integer) rs.getObject(4)), Optional.ofNullable(rs.getString(5))), jobId);
            return Database.query(c, """
                    SELECT j.id, j.card_id, c.production_id, c.label, c.source_path, j.algorithm, j.state,
                           j.created_at, j.started_at, j.finished_at, j.error
                    FROM offload_job j JOIN card c ON c.id = j.card_id WHERE j.id = ?""",
                    rs -> new OffloadJob(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Path.of(rs.getString(5)), rs.getString(6), OffloadJob.State.valueOf(rs.getString(7)),
                            dests, instant(rs, 8).orElseThrow(), instant(rs, 9), instant(rs, 10),
                            Optional.ofNullable(rs.getString(11))), jobId).stream().findFirst();
        });
    }

    @Override
    public List<JobFile> files(String jobId) {
        return db.transaction(c -> {
            Map<String, Map<Integer, JobFile.Copy>> copies = new HashMap<>();
            Database.query(c, "SELECT rel_path, dest_idx, state, dest_hash, error FROM job_file_copy WHERE job_id = ?",
                    rs -> copies.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getInt(2),
                            new JobFile.Copy(rs.getInt(2), JobFile.CopyState.valueOf(rs.getString(3)),
                                    Optional.ofNullable(rs.getString(4)), Optional.ofNullable(rs.getString(5)))),
                    jobId);
            return Database.query(c, """
                    SELECT rel_path, size, modified_at, source_hash, state, error FROM job_file WHERE job_id = ?
                    ORDER BY rel_path""", rs -> new JobFile(
                    new CardFile(rs.getString(1), rs.getLong(2), instant(rs, 3).orElseThrow()),
                    Optional.ofNullable(rs.getString(4)), JobFile.FileState.valueOf(rs.getString(5)),
                    Optional.ofNullable(rs.getString(6)), Map.copyOf(copies.getOrDefault(rs.getString(1), Map.of()))),
                    jobId);
        });
    }

    @Override
    public void jobState(String jobId, OffloadJob.State state, Optional<String> error) {
        Instant now = clock.instant();
        db.update("""
                UPDATE offload_job SET state = ?, error = ?,
                  started_at = CASE WHEN started_at IS NULL AND ? <> 'QUEUED' THEN ? ELSE started_at END,
                  finished_at = CASE WHEN ? IN ('DONE', 'FAILED') THEN ? ELSE NULL END
                WHERE id = ?""", state.name(), error.orElse(null), state.name(), now, state.name(), now, jobId);
    }

    @Override
    public void destinationFailed(String jobId, int destination, String error) {
        db.update("UPDATE job_destination SET state = 'FAILED', error = COALESCE(error, ?) WHERE job_id = ? AND idx = ?",
                error, jobId, destination);
    }

    @Override
    public void destinationSealed(String jobId, int destination, int generation) {
        db.update("UPDATE job_destination SET state = 'SEALED', mhl_generation = ? WHERE job_id = ? AND idx = ?",
                generation, jobId, destination);
    }

    @Override
    public void fileCopied(String jobId, String relPath, String sourceHash, List<Integer> written) {
        db.transaction(c -> {
            Database.update(c, "UPDATE job_file SET source_hash = ?, state = 'COPIED', error = NULL "
                    + "WHERE job_id = ? AND rel_path = ?", sourceHash, jobId, relPath);
            for (int d : written) {
                Database.update(c, "UPDATE job_file_copy SET state = 'COPIED', dest_hash = NULL, error = NULL "
                        + "WHERE job_id = ? AND rel_path = ? AND dest_idx = ?", jobId, relPath, d);
            }
            return null;
        });
    }

    @Override
    public void fileFailed(String jobId, String relPath, String error) {
        db.update("UPDATE job_file SET state = 'FAILED', error = ? WHERE job_id = ? AND rel_path = ?", error, jobId,
                relPath);
    }

    /** Synchronized: the per-destination verifiers must see each other's commits to promote a file. */
    @Override
    public synchronized void copyVerified(String jobId, String relPath, int destination, String hash) {
        db.transaction(c -> {
            Database.update(c, "UPDATE job_file_copy SET state = 'VERIFIED', dest_hash = ?, error = NULL, "
                    + "verified_at = ? WHERE job_id = ? AND rel_path = ? AND dest_idx = ?", hash, clock.instant(),
                    jobId, relPath, destination);
            promoteIfVerified(c, jobId, relPath);
            return null;
        });
    }

    @Override
    public synchronized void copyFailed(String jobId, String relPath, int destination, String error, Optional<String> hash) {
        db.transaction(c -> {
            Database.update(c, "UPDATE job_file_copy SET state = 'FAILED', error = ?, dest_hash = ? "
                    + "WHERE job_id = ? AND rel_path = ? AND dest_idx = ?", error, hash.orElse(null), jobId, relPath,
                    destination);
            Database.update(c, "UPDATE job_file SET state = 'FAILED', error = ? WHERE job_id = ? AND rel_path = ?",
                    error, jobId, relPath);
            return null;
        });
    }

    /** A file is verified when every copy at a destination that has not failed is verified. */
    private static void promoteIfVerified(Connection c, String jobId, String relPath) throws SQLException {
        Database.update(c, """
                UPDATE job_file SET state = 'VERIFIED' WHERE job_id = ? AND rel_path = ? AND state <> 'FAILED'
                AND NOT EXISTS (SELECT 1 FROM job_file_copy fc JOIN job_destination d
                    ON d.job_id = fc.job_id AND d.idx = fc.dest_idx
                    WHERE fc.job_id = ? AND fc.rel_path = ? AND d.state <> 'FAILED' AND fc.state <> 'VERIFIED')""",
                jobId, relPath, jobId, relPath);
    }

    static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return Optional.ofNullable(t).map(OffsetDateTime::toInstant);
    }

    static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }
}

package io.setkeeper.appliance.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * Copies one file to several destinations, reading the source once (opened read-only) and hashing while the
 * destinations are written in parallel. Each destination is written to a hidden temporary name, synced, and only
 * then renamed into place, so a crash never leaves a full-looking partial file under the real name.
 */
public final class FileCopier implements AutoCloseable {
    /** Prefix of in-flight temporary files; never copied, never listed in a manifest. */
    public static final String TEMP_PREFIX = ".setkeeper-part-";

    private final int bufferSize;
    /** One writer per destination at most: a cached pool keeps them (and their I/O buffers) across chunks. */
    private final ExecutorService writers = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("offload-writer-", 0).daemon(true).factory());

    public FileCopier(int bufferSize) {
        this.bufferSize = bufferSize;
    }

    /**
     * Copies {@code source} to each of {@code targets} (index = destination index) and returns the outcome.
     * {@code progress} receives the number of source bytes read after each chunk.
     */
    public CopyOutcome copy(Path source, CardFile expected, Map<Integer, Path> targets, Checksum checksum,
                            LongConsumer progress) {
        Map<Integer, Sink> sinks = new HashMap<>();
        Map<Integer, String> failed = new HashMap<>();
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
            BasicFileAttributes before = Files.readAttributes(source, BasicFileAttributes.class);
            for (var e : targets.entrySet()) {
                try {
                    sinks.put(e.getKey(), Sink.open(e.getValue()));
                } catch (IOException ex) {
                    failed.put(e.getKey(), describe(ex));
                }
            }
            long total = pump(in, sinks, failed, checksum, progress);
            BasicFileAttributes after = Files.readAttributes(source, BasicFileAttributes.class);
            if (total != after.size() || after.size() != before.size()
                    || !after.lastModifiedTime().equals(before.lastModifiedTime())
                    || (expected != null && expected.size() != total)) {
                abort(sinks);
                return new CopyOutcome.SourceFailed(CopyOutcome.FailureCode.SOURCE_CHANGED,
                        "source changed while it was copied (read " + total + " bytes, now " + after.size()
                                + " bytes); copy it again when the card is stable");
            }
            commitAll(sinks, failed, after.lastModifiedTime());
            return new CopyOutcome.Copied(checksum.digest(), Map.copyOf(failed));
        } catch (NoSuchFileException e) {
            abort(sinks);
            return new CopyOutcome.SourceFailed(CopyOutcome.FailureCode.SOURCE_VANISHED,
                    "source file disappeared: " + source.getFileName());
        } catch (IOException e) {
            abort(sinks);
            return new CopyOutcome.SourceFailed(CopyOutcome.FailureCode.SOURCE_UNREADABLE,
                    "cannot read source: " + describe(e));
        }
    }

    /** Syncs and renames every healthy copy, the destinations in parallel (each is usually its own disk). */
    private void commitAll(Map<Integer, Sink> sinks, Map<Integer, String> failed, FileTime modified) {
        Map<Integer, Future<?>> commits = new HashMap<>();
        for (var e : sinks.entrySet()) {
            if (failed.containsKey(e.getKey())) {
                e.getValue().abort();
            } else {
                Sink sink = e.getValue();
                commits.put(e.getKey(), writers.submit(() -> {
                    sink.commit(modified);
                    return null;
                }));
            }
        }
        commits.forEach((idx, f) -> {
            try {
                f.get();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("copy interrupted", ex);
            } catch (ExecutionException ex) {
                failed.put(idx, ex.getCause() instanceof IOException io ? describe(io) : String.valueOf(ex.getCause()));
                sinks.get(idx).abort();
            }
        });
    }

    private long pump(FileChannel in, Map<Integer, Sink> sinks, Map<Integer, String> failed, Checksum checksum,
                      LongConsumer progress) throws IOException {
        // Two buffers: the writers drain one while the reader fills and hashes the other.
        byte[][] buffers = {new byte[bufferSize], new byte[bufferSize]};
        List<Future<?>> pending = List.of();
        long total = 0;
        int current = 0;
        while (true) {
            byte[] buf = buffers[current];
            int n = readFully(in, buf);
            if (n <= 0) {
                break;
            }
            checksum.update(buf, 0, n);
            awaitWrites(pending, sinks, failed);
            pending = submitWrites(sinks, failed, buf, n);
            total += n;
            progress.accept(n);
            current ^= 1;
        }
        awaitWrites(pending, sinks, failed);
        return total;
    }

    private List<Future<?>> submitWrites(Map<Integer, Sink> sinks, Map<Integer, String> failed, byte[] buf, int n) {
        List<Future<?>> futures = new ArrayList<>();
        for (var e : sinks.entrySet()) {
            if (!failed.containsKey(e.getKey())) {
                Sink sink = e.getValue();
                futures.add(writers.submit(() -> {
                    sink.write(buf, n);
                    return null;
                }));
            }
        }
        return futures;
    }

    private static void awaitWrites(List<Future<?>> pending, Map<Integer, Sink> sinks, Map<Integer, String> failed) {
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("copy interrupted", e);
            } catch (ExecutionException e) {
                // find which sink failed: the sink remembers its own failure
                sinks.forEach((idx, sink) -> sink.failure().ifPresent(msg -> failed.putIfAbsent(idx, msg)));
            }
        }
    }

    private static int readFully(FileChannel in, byte[] buf) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(buf);
        while (bb.hasRemaining()) {
            if (in.read(bb) < 0) {
                break;
            }
        }
        return bb.position();
    }

    private static void abort(Map<Integer, Sink> sinks) {
        sinks.values().forEach(Sink::abort);
    }

    static String describe(IOException e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (msg.contains("No space left")) {
            return "destination is full: " + msg;
        }
        return msg;
    }

    /**
     * Temporary name for a copy in flight: short (long card names stay within the file-name limit), hidden, and
     * the same after a restart, so a copy interrupted by a crash is overwritten by the resumed one.
     */
    static Path tempFor(Path target) {
        String name = target.getFileName().toString();
        return target.resolveSibling(TEMP_PREFIX + HexFormat.of().toHexDigits(name.hashCode()));
    }

    @Override
    public void close() {
        writers.shutdownNow();
    }

    /** One destination file being written. */
    private static final class Sink {
        private final Path target;
        private final Path temp;
        private final FileChannel out;
        private volatile String failure;

        private Sink(Path target, Path temp, FileChannel out) {
            this.target = target;
            this.temp = temp;
            this.out = out;
        }

        static Sink open(Path target) throws IOException {
            Files.createDirectories(target.getParent());
            Path temp = tempFor(target);
            FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            return new Sink(target, temp, out);
        }

        void write(byte[] buf, int n) throws IOException {
            try {
                ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                while (bb.hasRemaining()) {
                    out.write(bb);
                }
            } catch (IOException e) {
                failure = describe(e);
                throw e;
            }
        }

        java.util.Optional<String> failure() {
            return java.util.Optional.ofNullable(failure);
        }

        void commit(FileTime modified) throws IOException {
            out.force(true);
            out.close();
            Files.setLastModifiedTime(temp, modified);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        void abort() {
            try {
                out.close();
            } catch (IOException ignored) {
                // best effort
            }
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a leftover temp file is never listed or verified
            }
        }
    }
}

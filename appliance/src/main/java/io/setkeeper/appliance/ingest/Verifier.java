package io.setkeeper.appliance.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongConsumer;

/** Reads a written copy back and compares its checksum with the source's: the only way a copy becomes verified. */
public final class Verifier {
    /** The verdict on one copy. */
    public sealed interface Verdict {
        /** The copy's bytes hash to the source hash. */
        record Verified(String hash) implements Verdict {
        }

        /** The copy is missing, unreadable or different. */
        record Failed(CopyOutcome.FailureCode code, String message, String hash) implements Verdict {
        }
    }

    private final int bufferSize;

    public Verifier(int bufferSize) {
        this.bufferSize = bufferSize;
    }

    public Verdict verify(Path copy, String expectedHash, Checksum checksum, LongConsumer progress) {
        byte[] buf = new byte[bufferSize];
        try (FileChannel in = FileChannel.open(copy, StandardOpenOption.READ)) {
            ByteBuffer bb = ByteBuffer.wrap(buf);
            int n;
            while ((n = in.read(bb.clear())) >= 0) {
                if (n > 0) {
                    checksum.update(buf, 0, n);
                    progress.accept(n);
                }
            }
        } catch (NoSuchFileException e) {
            return new Verdict.Failed(CopyOutcome.FailureCode.DESTINATION_MISSING, "copy is missing: " + copy, null);
        } catch (IOException e) {
            return new Verdict.Failed(CopyOutcome.FailureCode.DESTINATION_WRITE_FAILED,
                    "cannot read the copy back: " + FileCopier.describe(e), null);
        }
        String actual = checksum.digest();
        return actual.equals(expectedHash) ? new Verdict.Verified(actual)
                : new Verdict.Failed(CopyOutcome.FailureCode.HASH_MISMATCH,
                "copy differs from the source: " + actual + " != " + expectedHash, actual);
    }
}

package io.setkeeper.appliance.ingest;

import io.setkeeper.appliance.ingest.hash.HashAlgorithm;
import io.setkeeper.appliance.ingest.mhl.FileHashes;
import io.setkeeper.appliance.ingest.mhl.MhlFinding;
import io.setkeeper.appliance.ingest.mhl.MhlGenerationWriter;
import io.setkeeper.appliance.ingest.mhl.MhlProcess;
import io.setkeeper.appliance.ingest.mhl.WriteResult;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Seals a destination with an ASC MHL generation (process "transfer") from the hashes verified during the
 * offload. If the destination already carries a history (a copy of a copy), the new generation is checked against
 * it: a file that differs from what an earlier generation recorded fails the seal, naming the file.
 */
public final class MhlSealer implements Sealer {
    private final MhlGenerationWriter writer;

    public MhlSealer(Clock clock) {
        this.writer = new MhlGenerationWriter(version(), host(), clock);
    }

    @Override
    public int seal(Path destinationRoot, String algorithm, Map<String, String> verifiedHashes) throws IOException {
        HashAlgorithm alg = HashAlgorithm.fromMhlName(algorithm)
                .orElseThrow(() -> new IOException("unknown algorithm " + algorithm));
        List<FileHashes> files = verifiedHashes.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("ascmhl/") && !e.getKey().contains("/ascmhl/"))
                .map(e -> new FileHashes(e.getKey(), Map.of(alg, e.getValue()))).toList();
        WriteResult result = writer.write(destinationRoot, files,
                new MhlGenerationWriter.Options(MhlProcess.TRANSFER, alg, List.of(), null, null));
        if (!result.passed()) {
            throw new IOException("the copy does not match its ASC MHL history: " + result.failures().stream()
                    .map(MhlFinding::toString).collect(Collectors.joining("; ")));
        }
        return result.generations().getLast().chainEntry().sequence();
    }

    private static String version() {
        String v = MhlSealer.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-dev" : v;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "setkeeper";
        }
    }
}

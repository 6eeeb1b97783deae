package io.setkeeper.appliance.ingest.mhl;

import io.setkeeper.appliance.ingest.hash.HashAlgorithm;
import io.setkeeper.appliance.ingest.hash.Hasher;
import io.setkeeper.appliance.ingest.hash.MultiHasher;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a new ASC MHL generation into {@code <root>/ascmhl/} (manifest plus chain entry with the manifest's
 * C4), as the reference's {@code create} does, from hashes the copy engine already computed.
 *
 * <p>If the root already has a history (a copy of a copy: the source's {@code ascmhl/} came along), the new
 * generation is N+1 and each supplied hash is compared with the first one recorded for the file: verified or
 * failed. Nested histories below the root (one per card under {@code Reels/}) each get their own next
 * generation, referenced from the root's. Directory content and structure hashes are computed like the
 * reference's. Files on disk without supplied hashes, or lacking an algorithm the history has for them, are
 * read once by the writer (listed in {@link WriteResult#hashedByWriter()}); {@link #algorithmsToCompute} tells
 * the copy engine up front which algorithms to compute so that this does not happen.
 *
 * <p>Host name and clock are injected so tests are deterministic. Not thread-safe per root.
 */
public final class MhlGenerationWriter {
    /** The tool name written into {@code <creatorinfo>}. */
    public static final String TOOL_NAME = "Setkeeper";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HHmmss");

    private final String toolVersion;
    private final String hostName;
    private final Clock clock;

    /**
     * @param toolVersion our version, e.g. {@code 0.1.0}
     * @param hostName    written as {@code <hostname>}
     * @param clock       gives the creation date; dates are written in its zone
     */
    public MhlGenerationWriter(String toolVersion, String hostName, Clock clock) {
        this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
        this.hostName = Objects.requireNonNull(hostName, "hostName");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A writer with this machine's host name and the system clock in UTC. */
    public static MhlGenerationWriter forThisHost(String toolVersion) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        return new MhlGenerationWriter(toolVersion, host, Clock.systemUTC());
    }

    /** What to record beyond the hashes: process, the algorithm for directory hashes, extra ignore patterns. */
    public record Options(MhlProcess process, HashAlgorithm directoryAlgorithm, List<String> ignorePatterns,
                          String location, String comment) {
        public Options {
            Objects.requireNonNull(process, "process");
            Objects.requireNonNull(directoryAlgorithm, "directoryAlgorithm");
            ignorePatterns = List.copyOf(ignorePatterns);
        }

        /** The given process, XXH64 directory hashes, default ignore patterns, no location or comment. */
        public static Options of(MhlProcess process) {
            return new Options(process, HashAlgorithm.DEFAULT, List.of(), null, null);
        }
    }

    /**
     * The algorithms to compute for a file about to be copied into {@code root}: the wanted ones plus those the
     * existing history recorded for it.
     */
    public static Set<HashAlgorithm> algorithmsToCompute(MhlHistory history, String path, Collection<HashAlgorithm> wanted) {
        EnumSet<HashAlgorithm> out = EnumSet.noneOf(HashAlgorithm.class);
        out.addAll(wanted);
        out.addAll(history.recordedAlgorithms(path));
        return out;
    }

    /** Writes a generation with default options for the process. */
    public WriteResult write(Path root, MhlProcess process, Collection<FileHashes> files) throws IOException {
        return write(root, files, Options.of(process));
    }

    /**
     * Writes the next generation of {@code root}'s history (and of nested histories).
     *
     * @throws MhlFormatException when an existing chain file cannot be read: it is never overwritten
     * @throws IOException        when the tree cannot be listed or a manifest cannot be written
     */
    public WriteResult write(Path root, Collection<FileHashes> files, Options options) throws IOException {
        MhlHistory history = MhlHistory.read(root);
        for (IntegrityIssue issue : history.allIssues()) {
            if (issue.problem() == IntegrityIssue.Problem.CHAIN_UNREADABLE) {
                throw new MhlFormatException("refusing to append to an unreadable chain: " + issue.path()
                        + " (" + issue.detail() + ")");
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        List<String> extraPatterns = new ArrayList<>(history.latestIgnorePatterns());
        extraPatterns.addAll(options.ignorePatterns());
        IgnoreSpec ignore = IgnoreSpec.withDefaults(extraPatterns);
        List<TreeItem> tree = new ArrayList<>(TreeScanner.scan(root, ignore));

        Map<String, FileHashes> given = new LinkedHashMap<>();
        Map<String, String> givenByNfc = new HashMap<>();
        for (FileHashes f : files) {
            given.put(f.path(), f);
            givenByNfc.putIfAbsent(MhlVerifier.nfc(f.path()), f.path());
        }
        Map<String, Map<HashAlgorithm, String>> hashes = new HashMap<>();
        List<String> hashedByWriter = new ArrayList<>();
        List<FileResult> results = new ArrayList<>();
        for (TreeItem item : List.copyOf(tree)) {
            if (!(item instanceof TreeItem.FileItem f)) {
                continue;
            }
            String key = given.containsKey(f.path()) ? f.path() : givenByNfc.get(MhlVerifier.nfc(f.path()));
            FileHashes supplied = key == null ? null : given.remove(key);
            Map<HashAlgorithm, String> h = new EnumMap<>(HashAlgorithm.class);
            if (supplied != null) {
                h.putAll(supplied.hashes());
            }
            Set<HashAlgorithm> needed = algorithmsToCompute(history, f.path(), List.of(options.directoryAlgorithm()));
            needed.removeAll(h.keySet());
            if (!needed.isEmpty()) {
                try {
                    h.putAll(MultiHasher.hashFile(root.resolve(f.path()), needed));
                    hashedByWriter.add(f.path());
                } catch (IOException e) {
                    results.add(new FileResult(f.path(), FileStatus.UNREADABLE, null, null, null,
                            e.getClass().getSimpleName() + ": " + e.getMessage()));
                    tree.remove(item);
                    continue;
                }
            }
            hashes.put(f.path(), h);
        }
        for (String stray : given.keySet()) {
            results.add(new FileResult(stray, FileStatus.MISSING, null, null, null, "hashes supplied but not on disk"));
        }
        Map<String, String> recorded = MhlVerifier.recordedPaths(history, "");
        Set<String> onDiskNfc = new java.util.HashSet<>();
        tree.forEach(i -> onDiskNfc.add(MhlVerifier.nfc(i.path())));
        results.stream().filter(r -> r.status() == FileStatus.UNREADABLE).forEach(r -> onDiskNfc.add(MhlVerifier.nfc(r.path())));
        for (String p : recorded.keySet()) {
            if (!onDiskNfc.contains(MhlVerifier.nfc(p))) {
                results.add(new FileResult(p, FileStatus.MISSING, null, null, null, "recorded but not on disk"));
            }
        }

        GenerationPlanner.Outcome outcome = GenerationPlanner.plan(history, tree, hashes, options.directoryAlgorithm(), now);
        List<FileResult> all = new ArrayList<>(outcome.files());
        all.addAll(results);
        List<WriteResult.Written> written = commit(outcome.plans(), now, options, extraPatterns);
        return new WriteResult(written, all, history.allIssues(), hashedByWriter);
    }

    private List<WriteResult.Written> commit(List<GenerationPlanner.Plan> plans, OffsetDateTime now, Options options,
                                             List<String> extraPatterns) throws IOException {
        MhlCreatorInfo creator = new MhlCreatorInfo(now, hostName, TOOL_NAME, toolVersion, options.location(),
                options.comment());
        Map<String, WriteResult.Written> byPrefix = new LinkedHashMap<>();
        for (GenerationPlanner.Plan plan : plans) {
            List<MhlReference> references = new ArrayList<>();
            for (MhlHistory child : plan.history().children()) {
                String childPrefix = plan.prefix().isEmpty() ? child.pathInParent() : plan.prefix() + "/" + child.pathInParent();
                WriteResult.Written w = byPrefix.get(childPrefix);
                if (w != null) {
                    references.add(new MhlReference(child.pathInParent() + "/" + MhlHistory.FOLDER + "/"
                            + w.chainEntry().path(), w.chainEntry().c4()));
                }
            }
            List<String> patterns = new ArrayList<>(plan.history().latestIgnorePatterns());
            patterns.addAll(extraPatterns);
            MhlManifest manifest = new MhlManifest(creator, options.process(), plan.rootHashes(),
                    IgnoreSpec.withDefaults(patterns).patterns(), plan.entries(), references);
            byPrefix.put(plan.prefix(), writeGeneration(plan.history().root(), manifest, now));
        }
        return List.copyOf(byPrefix.values());
    }

    private WriteResult.Written writeGeneration(Path root, MhlManifest manifest, OffsetDateTime now) throws IOException {
        Path folder = Files.createDirectories(root.resolve(MhlHistory.FOLDER));
        Path chainFile = folder.resolve(ChainXml.FILE_NAME);
        List<MhlChainEntry> chain = new ArrayList<>();
        if (Files.exists(chainFile)) {
            chain.addAll(ChainXml.read(Files.readAllBytes(chainFile), chainFile.toString()));
        }
        int sequence = chain.stream().mapToInt(MhlChainEntry::sequence).max().orElse(0) + 1;
        String name = manifestName(sequence, root.toAbsolutePath().normalize().getFileName(), now);
        byte[] bytes = ManifestXml.write(manifest);
        MhlChainEntry entry = new MhlChainEntry(sequence, name, Hasher.hash(HashAlgorithm.C4, bytes));
        Path file = folder.resolve(name);
        if (Files.exists(file)) {
            throw new IOException("a generation named " + name + " already exists in " + folder);
        }
        atomicWrite(file, bytes);
        chain.add(entry);
        atomicWrite(chainFile, ChainXml.write(chain));
        return new WriteResult.Written(file, entry);
    }

    /** {@code NNNN_<folder>_<yyyy-MM-dd_HHmmss>Z.mhl} in UTC, the folder name shortened to fit 255 bytes. */
    static String manifestName(int sequence, Path folderName, OffsetDateTime now) {
        String folder = folderName == null ? "root" : folderName.toString();
        String suffix = "_" + FILE_TIME.format(now.withOffsetSameInstant(ZoneOffset.UTC)) + "Z.mhl";
        String prefix = "%04d_".formatted(sequence);
        int budget = 255 - prefix.length() - suffix.length();
        while (folder.getBytes(StandardCharsets.UTF_8).length > budget) {
            folder = folder.substring(0, folder.offsetByCodePoints(folder.length(), -1));
        }
        return prefix + folder + suffix;
    }

    private static void atomicWrite(Path file, byte[] bytes) throws IOException {
        // a short temporary name: the target's own name may already be at the 255-byte limit
        Path tmp = Files.createTempFile(file.getParent(), ".writing-", ".tmp");
        try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
            var buffer = java.nio.ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        try {
            // createTempFile makes owner-only files; manifests are meant to be read by everyone
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // non-POSIX file systems (exFAT cards, SMB) keep their defaults
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}

package io.setkeeper.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real appliance, started as a child JVM from its built jar ({@code appliance/target/appliance-*.jar} with its
 * {@code libs/}); the sync-service module never links against it. Started with {@code java -jar} so the command line
 * stays short (ONNX Runtime crashes the JVM past ~4 KB). Its output goes to a log file.
 */
final class ApplianceProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)");

    private final Process process;
    private final Path log;
    private final int port;

    private ApplianceProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** The built appliance jar, if the appliance module was packaged before these tests ran. */
    static Optional<Path> jar() {
        Path target = Path.of("").toAbsolutePath().getParent().resolve("appliance/target");
        if (!Files.isDirectory(target.resolve("libs"))) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(target)) {
            return s.filter(p -> p.getFileName().toString().matches("appliance-[0-9].*\\.jar"))
                    .filter(p -> !p.getFileName().toString().matches(".*-(sources|javadoc|tests)\\.jar")).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Starts the appliance with {@code --key=value} flags and waits until its HTTP port is logged. */
    static ApplianceProcess start(Path jar, Path log, List<String> flags, Duration timeout)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-jar", jar.toString()));
        cmd.addAll(flags);
        Files.deleteIfExists(log);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            Matcher m = LISTENING.matcher(text);
            if (m.find()) {
                return new ApplianceProcess(p, log, Integer.parseInt(m.group(1)));
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("the appliance exited with " + p.exitValue() + ":\n" + text);
            }
            Thread.sleep(100);
        }
        p.destroyForcibly().waitFor();
        throw new IllegalStateException("the appliance did not start within " + timeout + ":\n"
                + Files.readString(log));
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /** SIGKILL: no shutdown hook, no clean disconnect. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}

package io.setkeeper.appliance.outbox.mqtt;

import io.setkeeper.protocol.messages.ArtefactChunk;
import io.setkeeper.protocol.messages.ArtefactManifest;
import io.setkeeper.protocol.topics.TopicScheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The appliance is killed with SIGKILL in the middle of an artefact transfer and started again: the outbox table
 * (H2 file) is the truth, so the restarted process sends only what had no receipt, and the post side ends with the
 * artefact whole and every message once.
 */
class OutboxCrashIT {
    @TempDir
    Path dir;

    @Test
    void killedMidTransferThenRestartedDeliversTheArtefactWhole() throws Exception {
        String run = "it-" + UUID.randomUUID().toString().substring(0, 8);
        TopicScheme scheme = TopicScheme.withPrefix(run);
        byte[] data = new byte[16 * 1024 * 1024];
        new Random(11).nextBytes(data);
        Path file = dir.resolve("model.bin");
        Files.write(file, data);
        int chunks = data.length / ArtefactManifest.MIN_CHUNK;
        try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("broker"));
             PostProbe probe = new PostProbe(broker.uri(), scheme, run + "-post").connect()) {
            List<String> args = List.of(dir.resolve("db").toString(), broker.uri(), scheme.root(), run + "-box",
                    file.toString());
            Child first = start(args);
            first.await("STARTED fresh=true");
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (probe.chunks.size() < chunks / 4) {
                if (System.nanoTime() > end) {
                    fail("no progress before the kill: " + probe.chunks.size());
                }
                Thread.sleep(5);
            }
            first.process().destroyForcibly();  // SIGKILL
            assertTrue(first.process().waitFor(30, TimeUnit.SECONDS));
            int beforeRestart = probe.chunks.size();
            assertTrue(beforeRestart < chunks, "killed mid-transfer: " + beforeRestart + " of " + chunks);

            Child second = start(args);
            second.await("STARTED fresh=false");
            second.await("ALL CONFIRMED");
            assertTrue(second.process().waitFor(30, TimeUnit.SECONDS));
            assertEquals(chunks, probe.chunks.size());
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            for (int i = 0; i < chunks; i++) {
                whole.writeBytes(probe.chunks.get(i));
            }
            assertArrayEquals(data, whole.toByteArray());
            long distinctChunkMessages = probe.received.values().stream()
                    .filter(e -> e.body() instanceof ArtefactChunk).count();
            assertEquals(chunks, distinctChunkMessages, "one message id per chunk, whatever was repeated");
            System.out.printf("kill -9 at %d/%d chunks; repeats seen by the post side: %d%n", beforeRestart, chunks,
                    probe.repeats.get());
        }
    }

    /** A child process whose output lines are read on a daemon thread, so it never blocks on a full pipe. */
    private record Child(Process process, BlockingQueue<String> lines) {
        void await(String prefix) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < end) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null && line.startsWith(prefix)) {
                    return;
                }
            }
            fail("child never printed '" + prefix + "'");
        }
    }

    private static Child start(List<String> args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                OutboxChild.class.getName()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (java.io.IOException ignored) {
                // the child ended
            }
        });
        t.setDaemon(true);
        t.start();
        return new Child(p, lines);
    }
}

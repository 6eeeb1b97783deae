package io.setkeeper.appliance.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.ApplianceHarness;
import io.setkeeper.appliance.store.Database;
import io.setkeeper.appliance.store.JobStore;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Power-cut safety: the appliance runs as its own process, is killed with SIGKILL in the middle of copying, then
 * restarted. Before the restart, every copy the H2 file calls verified must really match its source; after it,
 * the job finishes with every file verified at both destinations.
 */
class OffloadCrashIT {
    private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)");

    @TempDir
    Path tmp;

    @Test
    void killedMidCopyThenRestartedFinishesWithEveryFileVerified() throws Exception {
        Path card = tmp.resolve("A002");
        Random random = new Random(42);
        for (int i = 1; i <= 24; i++) {
            SampleCards.write(card.resolve(String.format("A002R2CD/A002C%03d_261122_R2CD.mov", i)), random,
                    16 * 1024 * 1024);
        }
        Path data = tmp.resolve("data");
        Process child = startChild(data);
        int port = awaitPort(child);
        HttpClient http = HttpClient.newHttpClient();
        String body = Json.createObjectBuilder().add("source", card.toString()).add("destinations",
                Json.createArrayBuilder().add(tmp.resolve("raid").toString()).add(tmp.resolve("shuttle").toString()))
                .build().toString();
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/offloads")).header("Authorization", "Bearer " + Files.readString(data.resolve("admin-token")).strip())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, started.statusCode(), started.body());
        String id = parse(started.body()).getJsonObject("job").getString("id");

        double killedAt = awaitCopyFraction(http, port, id, 0.25);
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close of H2
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertTrue(killedAt < 1.0, "killed during the copy phase, at " + killedAt);

        try (Database db = Database.open(data)) {
            JobStore jobs = new JobStore(db, Clock.systemUTC());
            assertTrue(jobs.job(id).orElseThrow().state() != OffloadJob.State.DONE, "job was not finished");
            long verifiedBefore = assertEveryVerifiedCopyMatches(jobs, id, card);
            assertTrue(verifiedBefore < 24 * 2, "the kill came before everything was verified");
        }

        try (ApplianceHarness restarted = new ApplianceHarness(data)) {
            JobStore jobs = restarted.appliance().jobs();
            OffloadJob job = awaitDone(jobs, id);
            assertEquals(OffloadJob.State.DONE, job.state(), () -> job.error().orElse(""));
            assertEquals(48, assertEveryVerifiedCopyMatches(jobs, id, card));
            assertTrue(jobs.files(id).stream().allMatch(f -> f.state() == JobFile.FileState.VERIFIED));
            FileCopierTest.assertNoTempFiles(tmp.resolve("raid"));
            FileCopierTest.assertNoTempFiles(tmp.resolve("shuttle"));
        }
    }

    /** Every copy marked verified hashes to the source's hash, computed here independently. Returns how many. */
    private static long assertEveryVerifiedCopyMatches(JobStore jobs, String id, Path card) throws Exception {
        OffloadJob job = jobs.job(id).orElseThrow();
        long verified = 0;
        for (JobFile f : jobs.files(id)) {
            for (JobFile.Copy c : f.copies().values()) {
                if (c.state() != JobFile.CopyState.VERIFIED) {
                    continue;
                }
                String source = hash(card.resolve(f.file().relPath()));
                assertEquals(source, c.hash().orElseThrow(), f.file().relPath());
                assertEquals(source, f.sourceHash().orElseThrow());
                assertEquals(source, hash(job.destinations().get(c.destination()).path().resolve(f.file().relPath())));
                verified++;
            }
        }
        return verified;
    }

    private static String hash(Path p) throws Exception {
        Checksum c = Checksums.factory("xxh64").start();
        byte[] b = Files.readAllBytes(p);
        c.update(b, 0, b.length);
        return c.digest();
    }

    private Process startChild(Path data) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the class path goes through an @argfile: ONNX Runtime 1.29 crashes the JVM when the command line is long
        Path argfile = tmp.resolve("child.args");
        Files.writeString(argfile, "-cp \"" + System.getProperty("java.class.path") + "\"\n");
        List<String> cmd = List.of(java, "--enable-native-access=ALL-UNNAMED", "@" + argfile,
                "io.setkeeper.appliance.Main",
                "--setkeeper.production=signing-room", "--setkeeper.data-dir=" + data,
                "--setkeeper.http.host=127.0.0.1", "--setkeeper.http.port=0", "--setkeeper.offload.buffer-kib=64");
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    private static int awaitPort(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder log = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            log.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "child-log");
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("appliance did not start:\n" + log);
    }

    private static double awaitCopyFraction(HttpClient http, int port, String id, double fraction) throws Exception {
        for (int i = 0; i < 3000; i++) {
            JsonObject job = parse(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/offloads/" + id)).build(), HttpResponse.BodyHandlers.ofString()).body());
            if (job.containsKey("progress")) {
                JsonObject p = job.getJsonObject("progress");
                if (p.getString("phase").equals("COPYING") && p.getJsonNumber("fraction").doubleValue() >= fraction) {
                    return p.getJsonNumber("fraction").doubleValue();
                }
                if (!p.getString("phase").equals("COPYING") && !p.getString("phase").equals("QUEUED")) {
                    throw new AssertionError("copy finished before the kill: " + p);
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("copy did not progress");
    }

    private static OffloadJob awaitDone(JobStore jobs, String id) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            OffloadJob j = jobs.job(id).orElseThrow();
            if (j.state().finished()) {
                return j;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("resumed offload did not finish");
    }

    private static JsonObject parse(String s) {
        try (var r = Json.createReader(new StringReader(s))) {
            return r.readObject();
        }
    }
}

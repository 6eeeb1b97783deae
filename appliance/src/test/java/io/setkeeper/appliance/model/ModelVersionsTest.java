package io.setkeeper.appliance.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.store.Database;
import io.setkeeper.appliance.store.ModelStore;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Versions cut, signed, persisted in H2 and on disk; tampered ones refused; rollback. */
class ModelVersionsTest {
    private static ModelService service(Path dir, Database db) {
        return new ModelService("p", ProductionModelTest.CAST, dir.resolve("model/p"),
                new ModelStore(db, ProductionModelTest.CLOCK), ProductionModelTest.CLOCK);
    }

    private static void teach(ModelService svc, Synthetic s, int from, int to) {
        for (int i = from; i < to; i++) {
            LearnResult r = svc.learn(s.clip("t" + i, i % 3, i % 3));
            if (i < 3) {
                svc.name(r.clusters().getFirst(), List.of("JANA", "TOMAS", "DANI").get(i), "dit");
            }
        }
    }

    @Test
    void versionsHaveLineageAManifestAndAVerifiableSignatureAndRollBack(@TempDir Path dir) throws Exception {
        Synthetic s = new Synthetic(21, 3, 3);
        try (Database db = Database.open(dir.resolve("db"))) {
            ModelService svc = service(dir, db);
            teach(svc, s, 0, 6);
            ModelVersion v1 = svc.cut("card A001");
            teach(svc, s, 6, 9);
            svc.correctSetup("t7", "S2", "script");
            ModelVersion v2 = svc.cut("card A002");
            assertNull(v1.parent());
            assertEquals("v1", v2.parent());
            assertEquals(List.of("v1", "v2"), svc.history().stream().map(ModelVersion::id).toList());
            JsonObject manifest = svc.current().orElseThrow().manifest();
            assertEquals("v2", manifest.getString("version"));
            assertEquals("v1", manifest.getString("parent"));
            assertEquals(9, manifest.getJsonArray("clips").size());
            assertEquals(List.of("JANA", "TOMAS", "DANI"), manifest.getJsonObject("labels").getJsonArray("characters")
                    .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
            assertEquals(4, manifest.getJsonArray("corrections").size(), "three names and one slate correction");
            assertTrue(manifest.getJsonObject("thresholds").getJsonNumber("characterUnknownBelowCosine").doubleValue() > 0);
            byte[] sig = Base64.getDecoder().decode(v2.signatureBase64());
            assertTrue(svc.versions().key().verify(Files.readAllBytes(v2.manifest()), sig));
            // the store survives a restart: the service resumes the active version
            ModelService again = service(dir, db);
            assertEquals(9, again.model().clips().size());
            assertEquals("S2", again.prediction("t7").orElseThrow().setup().slate());
            // roll back
            svc.activate("v1");
            assertEquals(6, svc.model().clips().size());
            assertEquals("v1", svc.currentRecord().orElseThrow().id());
            assertEquals(1, new ModelStore(db, ProductionModelTest.CLOCK).corrections("p").stream()
                    .filter(c -> c.kind() == Correction.Kind.SETUP).count());
        }
    }

    @Test
    void aTamperedModelFileIsRefusedAndThePreviousVersionStaysActive(@TempDir Path dir) throws Exception {
        Synthetic s = new Synthetic(22, 3, 3);
        try (Database db = Database.open(dir.resolve("db"))) {
            ModelService svc = service(dir, db);
            teach(svc, s, 0, 6);
            ModelVersion v1 = svc.cut("one");
            teach(svc, s, 6, 8);
            ModelVersion v2 = svc.cut("two");
            svc.activate("v1");
            // flip one byte of v2's ONNX weights
            byte[] onnx = Files.readAllBytes(v2.onnx());
            onnx[onnx.length - 10] ^= 0x01;
            Files.write(v2.onnx(), onnx);
            var e = assertThrows(VersionRejectedException.class, () -> svc.activate("v2"));
            assertTrue(e.getMessage().contains("heads.onnx has SHA-256") && e.getMessage().contains("tampered"), e.getMessage());
            assertEquals("v1", svc.currentRecord().orElseThrow().id());
            assertEquals(6, svc.model().clips().size());
            // a manifest edited to match the changed file fails the signature
            String json = Files.readString(v2.manifest(), StandardCharsets.UTF_8);
            String newHash = ModelVersions.sha256(onnx);
            Files.writeString(v2.manifest(), json.replace(v2.onnxSha256(), newHash), StandardCharsets.UTF_8);
            var e2 = assertThrows(VersionRejectedException.class, () -> svc.activate("v2"));
            assertTrue(e2.getMessage().contains("signature does not verify"), e2.getMessage());
            assertThrows(VersionRejectedException.class, () -> svc.activate("v9"));
            assertThrows(VersionRejectedException.class, () -> svc.activate("../v1"));
            assertEquals("v1", svc.currentRecord().orElseThrow().id());
            assertEquals(v1.onnxSha256(), svc.current().orElseThrow().version().onnxSha256());
        }
    }

    @Test
    void aCorrectionMadeAfterTheLastVersionSurvivesARestart(@TempDir Path dir) {
        Synthetic s = new Synthetic(24, 3, 3);
        try (Database db = Database.open(dir.resolve("db"))) {
            ModelService svc = service(dir, db);
            teach(svc, s, 0, 6);
            svc.cut("card");
            svc.correctSetup("t4", "S0", "script");
            svc.correctCharacter("t5", 0, "JANA", "dit");
            ModelService restarted = service(dir, db);
            assertEquals("S0", restarted.prediction("t4").orElseThrow().setup().slate());
            assertEquals("JANA", restarted.prediction("t5").orElseThrow().mainCharacter());
            assertTrue(restarted.pendingCorrections().isEmpty());
        }
    }

    @Test
    void aVersionIsImmutable(@TempDir Path dir) {
        Synthetic s = new Synthetic(23, 3, 3);
        ProductionModel m = ProductionModelTest.trained(s);
        ModelVersions versions = new ModelVersions(dir, ProductionModelTest.CLOCK);
        versions.cut(m, 1, null, "x");
        assertThrows(IllegalStateException.class, () -> versions.cut(m, 1, null, "again"));
        assertThrows(IllegalStateException.class, () -> versions.cut(new ProductionModel("p", java.util.Set.of(),
                ProductionModelTest.CLOCK), 2, "v1", "empty"));
    }
}

package io.setkeeper.appliance.model;

import io.setkeeper.appliance.modelsync.ModelShipper;
import io.setkeeper.appliance.outbox.CapacityPolicy;
import io.setkeeper.appliance.outbox.Outbox;
import io.setkeeper.appliance.store.Database;
import io.setkeeper.appliance.store.ModelStore;
import io.setkeeper.appliance.store.OutboxRow;
import io.setkeeper.appliance.store.OutboxStore;
import io.setkeeper.protocol.codec.JsonCodec;
import io.setkeeper.protocol.messages.ArtefactManifest;
import io.setkeeper.protocol.messages.ModelVersionAnnounced;
import io.setkeeper.protocol.models.ModelBundle;
import io.setkeeper.protocol.signing.ArtefactSignature;
import io.setkeeper.protocol.topics.TopicScheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The box side of model shipping, on a real H2 outbox: every cut version is announced (lineage, key, fingerprint)
 * and enqueued as a signed bundle that verifies with the production's key; a restart does not send it again; a
 * version whose files were changed on disk is not sent at all.
 */
class ModelShipperTest {
    @Test
    void cutVersionsAreAnnouncedAndQueuedAsSignedBundlesOnceAndTamperedOnesNever(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir.resolve("db"))) {
            OutboxStore store = new OutboxStore(db);
            Outbox outbox = new Outbox(store, new JsonCodec(), TopicScheme.DEFAULT, "p", "cart-a",
                    new CapacityPolicy(1000), ProductionModelTest.CLOCK);
            ModelService svc = new ModelService("p", ProductionModelTest.CAST, dir.resolve("model/p"),
                    new ModelStore(db, ProductionModelTest.CLOCK), ProductionModelTest.CLOCK);
            ModelShipper.attach(svc, outbox, dir.resolve("outbox-models"));
            Synthetic s = new Synthetic(5, 3, 3);
            for (int i = 0; i < 6; i++) {
                LearnResult r = svc.learn(s.clip("t" + i, i % 3, i % 3));
                if (i < 3) {
                    svc.name(r.clusters().getFirst(), List.of("JANA", "TOMAS", "DANI").get(i), "dit");
                }
            }
            svc.cut("card A001");
            svc.learn(s.clip("t6", 0, 0));
            svc.cut("card A002");

            JsonCodec codec = new JsonCodec();
            List<OutboxRow> rows = store.all();
            List<ModelVersionAnnounced> announced = rows.stream().filter(r -> r.schema().endsWith("announced"))
                    .map(r -> (ModelVersionAnnounced) codec.decode(r.payload()).body()).toList();
            assertEquals(List.of("v1", "v2"), announced.stream().map(ModelVersionAnnounced::modelVersion).toList());
            assertEquals("v1", announced.get(1).parentVersion());
            assertEquals(7, announced.get(1).trainedOnClips().size());
            PublicKey key = ArtefactSignature.publicKey(announced.get(1).publicKey());
            assertEquals(ModelBundle.fingerprint(key.getEncoded()), announced.get(1).publicKeySha256());
            List<ArtefactManifest> manifests = rows.stream().filter(r -> r.schema().endsWith("manifest"))
                    .map(r -> (ArtefactManifest) codec.decode(r.payload()).body()).toList();
            assertEquals(2, manifests.size());
            ArtefactManifest m2 = manifests.get(1);
            assertEquals(announced.get(1).artefactId(), m2.artefactId());
            assertEquals(ModelShipper.KIND, m2.kind());
            assertTrue(ArtefactSignature.verify(key, m2.sha256(), m2.signature()), "the bundle's hash is signed");
            Path bundle = dir.resolve("outbox-models").resolve(m2.artefactId() + ".skmodel");
            assertEquals(m2.sha256(), ModelBundle.sha256Hex(Files.readAllBytes(bundle)));
            assertEquals("v2", ModelBundle.verify(ModelBundle.read(bundle), key, "v2").getString("version"));

            // a restart sends nothing again
            int before = store.all().size();
            assertEquals(0, new ModelShipper(svc, outbox, dir.resolve("outbox-models")).shipPending());
            assertEquals(before, store.all().size());

            // a version changed on disk before it was sent is refused on the box
            svc.learn(s.clip("t7", 1, 1));
            ModelShipper later = new ModelShipper(svc, outbox, dir.resolve("elsewhere"));
            ModelVersion v3 = svc.versions().cut(svc.model(), 3, "v2", "by hand");
            Files.write(v3.dir().resolve("state.bin"), new byte[]{1, 2, 3});
            assertTrue(later.ship(v3).isEmpty(), "a tampered version is not sent");
            assertEquals(before, store.all().size());
        }
    }
}

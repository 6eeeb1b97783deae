package io.setkeeper.appliance.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The issue's quality numbers on the real asl takes (12 takes, 5 performers, one setup each): learning curve,
 * slate errors, unknown people. Prints them; asserts only what must hold whatever the footage.
 */
class ProductionModelDataTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC);

    static Set<String> cast(List<AslTakes.Take> takes) {
        Set<String> cast = new LinkedHashSet<>();
        takes.forEach(t -> cast.add(t.performer()));
        return cast;
    }

    /**
     * Learns a take and acts like a DIT who gives each name once: a performer never named gets their main face
     * cluster named, or, if the model had put that face on someone else's character, a correction.
     */
    static void learnAndName(ProductionModel m, AslTakes.Take t, Set<String> named) {
        LearnResult r = m.learn(t.features());
        if (r.clusters().isEmpty() || r.clusters().getFirst() == null || named.contains(t.performer())) {
            return;
        }
        int cluster = r.clusters().getFirst();
        boolean unnamed = m.clusters().stream().anyMatch(c -> c.id() == cluster && c.name() == null);
        if (unnamed) {
            m.name(cluster, t.performer(), "dit");
        } else {
            m.correctCharacter(t.clip(), 0, t.performer(), "dit");
        }
        named.add(t.performer());
    }

    /** A model that learned every take but {@code except} (null: all), in order, each name given once. */
    static ProductionModel learnAll(List<AslTakes.Take> takes, AslTakes.Take except) {
        ProductionModel m = new ProductionModel("asl", cast(takes), CLOCK);
        Set<String> named = new HashSet<>();
        for (AslTakes.Take t : takes) {
            if (t != except) {
                learnAndName(m, t, named);
            }
        }
        return m;
    }

    @Test
    void sameAndDifferentPerformerSimilaritiesOfMainFaces() throws Exception {
        List<AslTakes.Take> takes = AslTakes.all();
        Running same = new Running(), different = new Running();
        for (int i = 0; i < takes.size(); i++) {
            StringBuilder row = new StringBuilder(String.format("%-12s", takes.get(i).clip()));
            for (int j = 0; j < takes.size(); j++) {
                double s = CharacterModel.cosine(takes.get(i).features().people().getFirst().embedding(),
                        takes.get(j).features().people().getFirst().embedding());
                row.append(String.format(" %5.2f", s));
                if (j > i) {
                    (takes.get(i).performer().equals(takes.get(j).performer()) ? same : different).add(s);
                }
            }
            System.out.println(row);
        }
        System.out.printf("main faces across takes: same performer %.3f +- %.3f (n=%d), different %.3f +- %.3f (n=%d)%n",
                same.mean(), same.sd(), same.n(), different.mean(), different.sd(), different.n());
        assertTrue(same.mean() > different.mean(), "the embedding separates performers on average");
    }

    @Test
    void learningCurveCharactersAndSetupsOfUnseenTakes() throws Exception {
        List<AslTakes.Take> takes = AslTakes.all();
        for (AslTakes.Take t : takes) {
            System.out.printf("take %-12s setup=%s performer=%s tracks=%s framing=%s wardrobe=%s%n", t.clip(), t.setup(), t.performer(),
                    t.features().people().stream().map(p -> p.observations() + "@" + String.format("%.2f", p.centerX())).toList(),
                    t.features().framing() == null ? "-" : String.format("%.2f,%.2f,%.2f", t.features().framing()[0],
                            t.features().framing()[1], t.features().framing()[2]),
                    t.features().people().getFirst().wardrobe() == null ? "-" : String.format("%.0f,%.0f,%.0f",
                            t.features().people().getFirst().wardrobe()[0], t.features().people().getFirst().wardrobe()[1],
                            t.features().people().getFirst().wardrobe()[2]));
        }
        int[] faceAlone = curve(takes, false);
        int[] withWardrobe = curve(takes, true);
        System.out.printf("face alone: named performers recognised %d/%d, unseen performers kept unknown %d/%d, setups %d/%d%n",
                faceAlone[0], faceAlone[1], faceAlone[2], faceAlone[3], faceAlone[4], faceAlone[5]);
        System.out.printf("face + wardrobe: named performers recognised %d/%d, unseen performers kept unknown %d/%d, setups %d/%d%n",
                withWardrobe[0], withWardrobe[1], withWardrobe[2], withWardrobe[3], withWardrobe[4], withWardrobe[5]);
        int knownRight = withWardrobe[0], knownTotal = withWardrobe[1], newUnknown = withWardrobe[2], newTotal = withWardrobe[3];
        assertTrue(knownRight >= 0.8 * knownTotal, "named performers recognised in unseen takes: " + knownRight + "/" + knownTotal);
        assertTrue(newUnknown >= 0.8 * newTotal, "performers never named stay unknown: " + newUnknown + "/" + newTotal);
        assertTrue(knownRight + newUnknown >= faceAlone[0] + faceAlone[2], "the wardrobe cue makes no more mistakes than the face alone");
    }

    @Test
    void noAsShotTakeIsLeftOutOfItsSetupsBaseline() throws Exception {
        ProductionModel m = learnAll(AslTakes.all(), null);
        for (Baseline b : m.baselines()) {
            System.out.printf("baseline %s: %d takes, sharpness %.1f +- %.1f, exposure %.2f +- %.2f, outliers %s%n", b.setup(),
                    b.clips(), b.sharpnessMean(), b.sharpnessSd(), b.exposureMean(), b.exposureSd(), b.outliers());
            // the takes are as shot: none is outside its setup's norm, so every one teaches it
            assertEquals(List.of(), b.outliers(), b.setup());
        }
        assertEquals(m.clips().size(), m.baselines().stream().mapToLong(Baseline::clips).sum());
    }

    /** The learning curve; returns {named right, named total, unseen kept unknown, unseen total, setups right, setups seen}. */
    static int[] curve(List<AslTakes.Take> takes, boolean wardrobe) {
        ProductionModel m = new ProductionModel("asl", cast(takes), CLOCK);
        m.characters.wardrobeCue = wardrobe;
        Set<String> named = new HashSet<>();
        int[] total = new int[6];
        System.out.println((wardrobe ? "face + wardrobe" : "face alone")
                + ": learned | characters right (of unseen) | unseen performer kept unknown | setups right (of unseen, setup seen)");
        for (int k = 0; k < takes.size(); k++) {
            learnAndName(m, takes.get(k), named);
            int charRight = 0, setupRight = 0, setupSeen = 0, unknownOk = 0, unseenPerformer = 0, decided = 0;
            int unseen = takes.size() - k - 1;
            for (AslTakes.Take u : takes.subList(k + 1, takes.size())) {
                ClipPrediction p = m.predict(u.features());
                CharacterPrediction main = p.people().getFirst();
                decided += main.wardrobe() != null && main.wardrobe().decided() ? 1 : 0;
                if (named.contains(u.performer())) {
                    charRight += u.performer().equals(p.mainCharacter()) ? 1 : 0;
                } else {
                    unseenPerformer++;
                    unknownOk += p.mainCharacter() == null ? 1 : 0;
                }
                if (m.setupNames().contains(u.setup())) {
                    setupSeen++;
                    setupRight += u.setup().equals(p.setup().predicted()) ? 1 : 0;
                }
            }
            total[0] += charRight;
            total[1] += unseen - unseenPerformer;
            total[2] += unknownOk;
            total[3] += unseenPerformer;
            total[4] += setupRight;
            total[5] += setupSeen;
            WardrobeCue.Calibration c = m.characters.wardrobeCalibration();
            System.out.printf("%7d | %d/%d | %d/%d | %d/%d (threshold %.3f; wardrobe dE threshold %.1f scale %.1f%s; decided by wardrobe %d)%n",
                    k + 1, charRight, unseen - unseenPerformer, unknownOk, unseenPerformer, setupRight, setupSeen,
                    m.characterThreshold(), c.threshold(), c.scale(), c.informative() ? "" : " not informative", decided);
        }
        assertEquals(5, named.size(), "every performer gets a cluster and a name once");
        return total;
    }

    @Test
    void wardrobeChangesWithinTheScene() throws Exception {
        List<AslTakes.Take> takes = AslTakes.all();
        ProductionModel m = learnAll(takes, null);
        int changed = 0, compared = 0;
        for (AslTakes.Take t : takes) {
            CharacterPrediction c = m.prediction(t.clip()).orElseThrow().people().getFirst();
            CharacterPrediction.Wardrobe w = c.wardrobe();
            System.out.printf("%-12s %s wardrobe L %.0f a %.0f b %.0f: dE to character %.1f, to the scene's other %d tracks %.1f"
                            + " (threshold %.1f)%s%n", t.clip(), c.character(), w.lab()[0], w.lab()[1], w.lab()[2],
                    w.characterDeltaE(), w.sceneClips(), w.sceneDeltaE(), w.threshold(), w.changed() ? " CHANGED" : "");
            compared += Double.isFinite(w.sceneDeltaE()) ? 1 : 0;
            changed += w.changed() ? 1 : 0;
        }
        WardrobeCue.Calibration cal = m.characters.wardrobeCalibration();
        System.out.printf("wardrobe: same character dE %.1f +- %.1f (n=%d), different %.1f +- %.1f (n=%d); threshold %.1f;"
                        + " wardrobe changes flagged within scene 5: %d of %d takes compared (all false alarms: nobody changed)%n",
                m.characters.wardrobeSame.mean(), m.characters.wardrobeSame.sd(), m.characters.wardrobeSame.n(),
                m.characters.wardrobeDifferent.mean(), m.characters.wardrobeDifferent.sd(), m.characters.wardrobeDifferent.n(),
                cal.threshold(), changed, compared);
        System.out.printf("wardrobe change threshold %.1f dE%n", cal.changeThreshold());
        // injected: each take in turn wears the wardrobe measured on the next other performer's take
        int caught = 0, injected = 0;
        for (int i = 0; i < takes.size(); i++) {
            AslTakes.Take t = takes.get(i);
            AslTakes.Take other = null;
            for (int k = 1; k < takes.size() && other == null; k++) {
                AslTakes.Take o = takes.get((i + k) % takes.size());
                other = o.performer().equals(t.performer()) ? null : o;
            }
            ProductionModel mi = learnAll(takes, t);
            ClipFeatures f = t.features();
            List<ClipFeatures.Person> people = new ArrayList<>(f.people());
            ClipFeatures.Person p0 = people.getFirst();
            people.set(0, new ClipFeatures.Person(p0.embedding(), other.features().people().getFirst().wardrobe(), p0.centerX(),
                    p0.centerY(), p0.width(), p0.observations()));
            CharacterPrediction c = mi.predict(new ClipFeatures(f.clip(), f.scene(), f.setup(), people, f.background(),
                    f.framing(), f.look(), f.picture(), f.frames())).people().getFirst();
            if (c.wardrobe() != null && Double.isFinite(c.wardrobe().sceneDeltaE())) {
                injected++;
                caught += c.wardrobe().changed() ? 1 : 0;
                System.out.printf("%-12s (%s) in %s's wardrobe (%s): %s dE to the scene %.1f%s%n", t.clip(), t.performer(),
                        other.performer(), other.clip(), c.character(), c.wardrobe().sceneDeltaE(), c.wardrobe().changed() ? " CHANGED" : " missed");
            } else {
                System.out.printf("%-12s (%s) in %s's wardrobe: not compared (character %s: face similarity %.3f, threshold %.3f,"
                                + " wardrobe dE %.1f; no other take of it in the scene)%n", t.clip(), t.performer(),
                        other.performer(), c.character(), c.similarity(), c.threshold(), c.wardrobeDeltaE());
            }
        }
        System.out.printf("injected wardrobe changes (each take in turn wears another performer's measured wardrobe):"
                + " caught %d/%d compared; false wardrobe changes %d/%d%n", caught, injected, changed, compared);
        assertTrue(compared >= 6, "takes of performers with another take in the scene are compared: " + compared);
        assertTrue(changed <= 1, "at most one false wardrobe change: " + changed);
        assertTrue(caught >= injected / 2, "most injected wardrobe changes are caught: " + caught + "/" + injected);
    }

    @Test
    void wrongSlatesAreFlaggedAndCorrectTakesMostlyNot() throws Exception {
        List<AslTakes.Take> takes = AslTakes.all();
        List<String> setups = new ArrayList<>(new LinkedHashSet<>(takes.stream().map(AslTakes.Take::setup).toList()));
        int caught = 0, falseFlags = 0, correct = 0;
        for (int i = 0; i < takes.size(); i++) {
            String truth = takes.get(i).setup();
            String wrong = setups.get((setups.indexOf(truth) + 1) % setups.size());
            ProductionModel m = new ProductionModel("asl", cast(takes), CLOCK);
            for (int k = 0; k < takes.size(); k++) {
                ClipFeatures f = takes.get(k).features();
                m.learn(k == i ? f.withSetup(wrong) : f);
            }
            List<String> flaggedOthers = new ArrayList<>();
            for (int k = 0; k < takes.size(); k++) {
                SetupPrediction p = m.prediction(takes.get(k).clip()).orElseThrow().setup();
                if (k == i) {
                    caught += p.flagged() ? 1 : 0;
                    System.out.printf("%-12s slate %s (really %s): %s margin %.2f predicted %s; ranking %s%n",
                            takes.get(k).clip(), wrong, truth, p.disagreement(), p.margin(), p.predicted(),
                            p.ranking().stream()
                                    .map(c -> c.setup() + String.format("=%.2f", c.distance())).toList());
                } else {
                    correct++;
                    if (p.flagged()) {
                        falseFlags++;
                        flaggedOthers.add(takes.get(k).clip() + ":" + p.disagreement());
                    }
                }
            }
            if (!flaggedOthers.isEmpty()) {
                System.out.println("   correct takes flagged: " + flaggedOthers);
            }
        }
        System.out.printf("slate errors: caught %d/%d wrong slates, falsely flagged %d/%d correct takes%n", caught,
                takes.size(), falseFlags, correct);
        assertTrue(caught >= takes.size() / 2, "most wrong slates are caught: " + caught);
        assertTrue(falseFlags <= correct / 4, "few correct takes flagged: " + falseFlags + "/" + correct);
    }

    @Test
    void costOfLearningOneClipAndSizeOnDisk(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        ModelCost.Result r = ModelCost.measure(dir.resolve("synthetic"));
        ModelCost.print(r);
        assertEquals(3, r.learnNanos().size());
        assertTrue(r.versionBytes().get(ModelVersions.ONNX) > 0);
        List<AslTakes.Take> takes = AslTakes.all();
        ProductionModel m = learnAll(takes, null);
        ModelVersion v = new ModelVersions(dir.resolve("asl"), CLOCK).cut(m, 1, null, "asl");
        System.out.printf("asl version: heads.onnx %d bytes, state.bin %d bytes, manifest.json %d bytes%n",
                java.nio.file.Files.size(v.onnx()), java.nio.file.Files.size(v.dir().resolve(ModelVersions.STATE)),
                java.nio.file.Files.size(v.manifest()));
        Heads h = m.heads();
        assertEquals(5, h.characters().size());
        // the exported asl heads in a bare ONNX Runtime session give the model's predictions on every take
        int n = takes.size(), d = SetupModel.DIMS;
        float[] emb = new float[n * 512];
        float[] feats = new float[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(takes.get(i).features().people().getFirst().embedding(), 0, emb, i * 512, 512);
            System.arraycopy(h.setupInput(takes.get(i).features()), 0, feats, i * d, d);
        }
        var registry = new io.setkeeper.appliance.inference.ModelRegistry();
        registry.register("asl-heads", v.onnx(), io.setkeeper.appliance.inference.ModelRegistry.sha256(
                java.nio.file.Files.readAllBytes(v.onnx())));
        java.util.Map<String, io.setkeeper.appliance.inference.Tensor> out;
        try (var session = new io.setkeeper.appliance.inference.InferenceEngine(registry,
                io.setkeeper.appliance.inference.InferenceConfig.cpu(1)).open("asl-heads")) {
            out = session.run(java.util.Map.of(OnnxExport.EMBEDDING, io.setkeeper.appliance.inference.Tensor.of(emb, n, 512),
                    OnnxExport.SETUP_FEATURES, io.setkeeper.appliance.inference.Tensor.of(feats, n, d)));
        }
        for (int i = 0; i < n; i++) {
            ClipPrediction p = m.predict(takes.get(i).features());
            int c = (int) out.get(OnnxExport.CHARACTER_INDEX).data()[i];
            float score = out.get(OnnxExport.CHARACTER_SCORES).data()[i * h.characters().size() + c];
            assertEquals(p.mainCharacter(), h.characterLabel(c, score, takes.get(i).features().people().getFirst()), takes.get(i).clip());
            assertEquals(p.setup().predicted(), h.setups().get((int) out.get(OnnxExport.SETUP_INDEX).data()[i]), takes.get(i).clip());
        }
        System.out.println("asl ONNX parity: characters and setups of all " + n + " takes agree with the in-process model");
    }

    @Test
    void theSecondPersonInPleaseIsNotAssignedToACharacter() throws Exception {
        List<AslTakes.Take> takes = AslTakes.all();
        ProductionModel m = learnAll(takes, null);
        AslTakes.Take please = takes.stream().filter(t -> t.clip().equals("please.mkv")).findFirst().orElseThrow();
        ClipPrediction p = m.prediction("please.mkv").orElseThrow();
        for (int i = 0; i < p.people().size(); i++) {
            ClipFeatures.Person person = please.features().people().get(i);
            System.out.printf("please.mkv person %d at x=%.2f (%d frames): %s similarity %.3f threshold %.3f%n", i,
                    person.centerX(), person.observations(), p.people().get(i).character(), p.people().get(i).similarity(),
                    p.people().get(i).threshold());
        }
        assertEquals(please.performer(), p.mainCharacter(), "the performer of please.mkv");
        List<Integer> edge = new ArrayList<>();
        for (int i = 0; i < please.features().people().size(); i++) {
            if (please.features().people().get(i).centerX() > 0.75) {
                edge.add(i);
                assertNull(p.people().get(i).character(), "the person at the right edge stays unknown");
            }
        }
        System.out.println("people at the right edge of please.mkv (indices): " + edge);
    }
}

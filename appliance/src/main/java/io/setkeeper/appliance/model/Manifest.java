package io.setkeeper.appliance.model;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Map;

/**
 * The manifest of a version (schema setkeeper.model.manifest/1): labels, references (looks, baselines),
 * thresholds, lineage (parent, clips and corrections trained on), metrics and the hashes of its files.
 */
final class Manifest {
    static final String SCHEMA = "setkeeper.model.manifest";

    private Manifest() {
    }

    static JsonObject build(ProductionModel m, String id, long seq, String parent, Instant at, String reason,
                            Map<String, String> fileHashes, Map<String, Long> fileSizes, String publicKeySha256,
                            Map<String, String> plateFiles) {
        Heads h = m.heads();
        JsonObjectBuilder files = Json.createObjectBuilder();
        fileHashes.forEach((name, hash) -> files.add(name, Json.createObjectBuilder().add("sha256", hash)
                .add("bytes", fileSizes.get(name))));
        JsonObjectBuilder looks = Json.createObjectBuilder();
        m.looks().forEach((k, l) -> looks.add(k, Json.createObjectBuilder().add("labMean", arr(l.mean()))
                .add("labCovariance", arr(l.covariance())).add("clips", l.clips())));
        JsonArrayBuilder baselines = Json.createArrayBuilder();
        m.baselines().forEach(b -> baselines.add(Json.createObjectBuilder().add("setup", b.setup()).add("clips", b.clips())
                .add("sharpness", pair(b.sharpnessMean(), b.sharpnessSd())).add("exposure", pair(b.exposureMean(), b.exposureSd()))
                .add("noise", pair(b.noiseMean(), b.noiseSd())).add("outliers", Json.createArrayBuilder(b.outliers()))));
        JsonArrayBuilder corrections = Json.createArrayBuilder();
        m.corrections().forEach(c -> corrections.add(Json.createObjectBuilder().add("kind", c.kind().name())
                .add("clip", c.clip()).add("person", c.person()).add("value", c.value()).add("by", c.by())
                .add("at", c.at().toString())));
        JsonArrayBuilder plates = Json.createArrayBuilder();
        for (Plates.Summary p : m.plates.summaries()) {
            String name = plateFiles.get(p.setup());
            plates.add(Json.createObjectBuilder().add("setup", p.setup())
                    .add("plate", ModelVersions.PLATES + name + ".png").add("coverage", ModelVersions.PLATES + name + ".coverage.png")
                    .add("width", p.width()).add("height", p.height()).add("frames", p.frames())
                    .add("holeFraction", p.holeFraction()).add("clips", Json.createArrayBuilder(m.plates.clips(p.setup()))));
        }
        CharacterModel cm = m.characters;
        int flagged = 0, agree = 0, checked = 0;
        for (String clip : m.clips()) {
            SetupPrediction p = m.prediction(clip).orElseThrow().setup();
            if (p.slate() != null && p.predicted() != null) {
                checked++;
                agree += p.slate().equals(p.predicted()) ? 1 : 0;
                flagged += p.flagged() ? 1 : 0;
            }
        }
        JsonObjectBuilder b = Json.createObjectBuilder().add("schema", SCHEMA).add("schemaVersion", 1)
                .add("production", m.production()).add("version", id).add("seq", seq)
                .add("createdAt", at.toString()).add("reason", reason).add("files", files)
                .add("labels", Json.createObjectBuilder().add("characters", Json.createArrayBuilder(h.characters()))
                        .add("setups", Json.createArrayBuilder(h.setups())))
                .add("onnx", Json.createObjectBuilder().add("inputs", Json.createArrayBuilder()
                                .add(OnnxExport.EMBEDDING).add(OnnxExport.SETUP_FEATURES))
                        .add("outputs", Json.createArrayBuilder().add(OnnxExport.CHARACTER_SCORES)
                                .add(OnnxExport.CHARACTER_INDEX).add(OnnxExport.SETUP_SCORES).add(OnnxExport.SETUP_INDEX)))
                .add("thresholds", Json.createObjectBuilder().add("characterUnknownBelowCosine", h.characterThreshold())
                        .add("characterSimilarityScale", h.characterScale())
                        .add("wardrobe", wardrobe(h))
                        .add("setupExpectedWithinSquaredDistance", SetupModel.DIMS)
                        .add("setupChangedAboveSquaredDistance", SetupCheck.CHANGED_FACTOR * SetupModel.DIMS)
                        .add("setupChangedRule", "CHANGED when the squared distance to the slate's setup exceeds "
                                + SetupCheck.CHANGED_FACTOR + " x DIMS x (1 + 1/k) x nu/(nu-2): k takes in the setup, nu ="
                                + " takes - setups (setupChangedAboveSquaredDistance is the large-sample limit)")
                        .add("setupWithinScaleMeasured", m.setups.calibrated()))
                .add("references", Json.createObjectBuilder().add("looks", looks).add("baselines", baselines)
                        .add("plates", plates))
                .add("clips", Json.createArrayBuilder(m.clips())).add("corrections", corrections)
                .add("metrics", Json.createObjectBuilder().add("clips", m.clips().size())
                        .add("clusters", m.clusters().size()).add("characters", h.characters().size())
                        .add("setups", h.setups().size())
                        .add("sameSimilarity", pair(cm.same.mean(), cm.same.sd())).add("sameSamples", cm.same.n())
                        .add("differentSimilarity", pair(cm.different.mean(), cm.different.sd()))
                        .add("differentSamples", cm.different.n())
                        .add("setupLeaveOneOutAgreement", checked == 0 ? 0 : (double) agree / checked)
                        .add("setupFlaggedClips", flagged))
                .add("signature", Json.createObjectBuilder().add("algorithm", "Ed25519")
                        .add("publicKeySha256", publicKeySha256).add("file", ModelVersions.SIGNATURE));
        if (parent != null) {
            b.add("parent", parent);
        }
        return b.build();
    }

    /** Seeds the plates of an opened version from its (already verified) plate and coverage PNGs. */
    static void restorePlates(JsonObject manifest, Map<String, byte[]> files, Plates into) throws java.io.IOException {
        JsonObject refs = manifest.getJsonObject("references");
        if (refs == null || !refs.containsKey("plates")) {
            return;
        }
        for (jakarta.json.JsonValue v : refs.getJsonArray("plates")) {
            JsonObject p = v.asJsonObject();
            byte[] plate = files.get(p.getString("plate")), coverage = files.get(p.getString("coverage"));
            if (plate == null || coverage == null) {
                throw new java.io.IOException("plate of setup " + p.getString("setup") + " is not among the signed files");
            }
            into.restore(p.getString("setup"), PlatePng.read(plate, coverage),
                    p.getJsonArray("clips").getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList(),
                    p.getJsonNumber("frames").longValue());
        }
    }

    /** The wardrobe cue's numbers: per character the learned CIELAB wardrobe, the calibration and the weights. */
    private static JsonObjectBuilder wardrobe(Heads h) {
        JsonObjectBuilder perCharacter = Json.createObjectBuilder();
        for (int i = 0; i < h.characters().size(); i++) {
            if (h.wardrobes()[i] != null) {
                perCharacter.add(h.characters().get(i), arr(h.wardrobes()[i]));
            }
        }
        WardrobeCue.Calibration c = h.wardrobeCalibration();
        return Json.createObjectBuilder().add("labByCharacter", perCharacter).add("deltaEThreshold", c.threshold())
                .add("deltaEScale", c.scale()).add("sceneChangeAboveDeltaE", c.changeThreshold()).add("informative", c.informative()).add("cap", WardrobeCue.CAP)
                .add("weight", WardrobeCue.WEIGHT).add("smallFaceWeight", WardrobeCue.SMALL_FACE_WEIGHT)
                .add("smallFaceWidth", WardrobeCue.SMALL_FACE).add("fewObservations", CharacterModel.MIN_OBSERVATIONS)
                .add("rule", "known when (cosine - characterUnknownBelowCosine) / characterSimilarityScale + weight"
                        + " * clamp((deltaEThreshold - deltaE) / deltaEScale, -cap, cap) >= 0 (smallFaceWeight when the"
                        + " face is narrower than smallFaceWidth or seen in fewer than fewObservations frames; 0 when not"
                        + " informative or not measured)");
    }

    private static JsonArrayBuilder arr(double[] v) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (double d : v) {
            a.add(Double.isFinite(d) ? d : 0);
        }
        return a;
    }

    private static JsonObjectBuilder pair(double mean, double sd) {
        return Json.createObjectBuilder().add("mean", Double.isFinite(mean) ? mean : 0).add("sd", Double.isFinite(sd) ? sd : 0);
    }
}

package io.setkeeper.appliance.analysis.perception;

import io.setkeeper.appliance.inference.ModelRegistry;
import java.nio.file.Path;
import java.util.List;

/**
 * The frozen perception models Setkeeper ships with: registry name, path under the models folder and the
 * SHA-256 they are pinned to. A file that differs is refused by {@link ModelRegistry#load}.
 */
public final class PerceptionModels {
    public static final String FACE_DETECTOR = "ultraface-rfb-320";
    public static final String FACE_LANDMARKS = "fr-landmark-68";
    public static final String HEAD_POSE = "fr-pose";
    public static final String FACE_EMBEDDING = "fr-feature-512";
    public static final String OBJECTS = "yolox-nano";
    public static final String PERSON_MASK = "deeplab-v3";
    public static final String TEXT_DETECTOR = "ppocr-v4-det";
    public static final String TEXT_RECOGNIZER = "ppocr-v4-rec";
    /** The recognition alphabet (not a model, pinned the same way). */
    public static final String TEXT_KEYS = "ppocr-keys-v1";

    /** One pinned model file. */
    public record Pinned(String name, String relativePath, String sha256) {
    }

    public static final List<Pinned> ALL = List.of(
            new Pinned(FACE_DETECTOR, "ultraface/version-RFB-320.onnx",
                    "34cd7e60aeff28744c657de7a3dc64e872d506741de66987f3426f2b79f88017"),
            new Pinned(FACE_LANDMARKS, "faceplugin/fr_landmark.onnx",
                    "f10b0ba1d2a8a099adefede1ebf3733e44fe370715e7303dbeb7f59c02142258"),
            new Pinned(HEAD_POSE, "faceplugin/fr_pose.onnx",
                    "72d032ec941b7153bf8d3f2c03a4c165453cc7e63d479041ec7c6ef087e5839d"),
            new Pinned(FACE_EMBEDDING, "faceplugin/fr_feature.onnx",
                    "87aacdfe57510db2af90c0251df680e8eec88f122ee94712121d09bcaaaf3581"),
            new Pinned(OBJECTS, "yolox/yolox_nano.onnx",
                    "695e750a5d5754bb5a8d5325643b59282191a7e7a564e435a415fd3c578eab14"),
            new Pinned(PERSON_MASK, "deeplab/deeplab_v3.onnx",
                    "48a46b346ca7e2e96760b8a10a302046a3b5a9ce55e59d4c659c36d9cbd44118"),
            new Pinned(TEXT_DETECTOR, "ppocr/ch_PP-OCRv4_det_infer.onnx",
                    "30a86f5731181461d08021402766601e4302a9b9b9666be8aff402696339cdff"),
            new Pinned(TEXT_RECOGNIZER, "ppocr/ch_PP-OCRv4_rec_infer.onnx",
                    "06b3e6af6c59a1ba5d53790ed8c2e4b2de389870b6cf5a97f349f3412cb269c0"),
            new Pinned(TEXT_KEYS, "ppocr/ppocr_keys_v1.txt",
                    "28b2362ad4ab2dc38769aa72feb535e3a9ddb3fd2a7585a05920e6393b1dc7f7"));

    private PerceptionModels() {
    }

    /** Registers every pinned model found under {@code modelsDir} (e.g. {@code $SETKEEPER_DATA/models}). */
    public static ModelRegistry registerAll(ModelRegistry registry, Path modelsDir) {
        for (Pinned p : ALL) {
            registry.register(p.name(), modelsDir.resolve(p.relativePath()), p.sha256());
        }
        return registry;
    }
}

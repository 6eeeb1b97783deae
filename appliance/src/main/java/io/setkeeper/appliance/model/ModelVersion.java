package io.setkeeper.appliance.model;

import java.nio.file.Path;
import java.time.Instant;

/**
 * An immutable, signed model version on disk: {@code dir} holds heads.onnx, state.bin, manifest.json and
 * manifest.sig. {@code parent} is null for the first version.
 */
public record ModelVersion(String production, String id, long seq, String parent, Instant createdAt, String reason,
                           Path dir, String manifestSha256, String onnxSha256, String signatureBase64) {
    public Path onnx() {
        return dir.resolve(ModelVersions.ONNX);
    }

    public Path manifest() {
        return dir.resolve(ModelVersions.MANIFEST);
    }
}

package io.setkeeper.ui.client;

import java.util.Optional;

/** A version of the production model ({@code GET /api/model/versions}): lineage, reason, hashes, active or not. */
public record ModelVersionInfo(String id, long seq, Optional<String> parent, String createdAt, String reason,
                               String onnxSha256, String signatureAlgorithm, boolean active) {
}

package io.setkeeper.protocol.messages;

import java.util.List;
import java.util.Map;

/**
 * A new immutable version of the production model exists on the appliance; its files follow as an artefact (a
 * {@code io.setkeeper.protocol.models.ModelBundle}) signed with the production's Ed25519 key.
 *
 * @param modelVersion    the version id, e.g. {@code v7}
 * @param parentVersion   the version it was adapted from, or {@code null} for the first one
 * @param trainedOnClips  the clips whose footage this version learned from
 * @param metrics         evaluation numbers measured for this version (name to value)
 * @param artefactId      the artefact carrying the version's files
 * @param publicKey       the production's Ed25519 public key (base64 X.509) the artefact is signed with, or
 *                        {@code null}; post pins it at first contact or checks it against a provisioned key
 * @param publicKeySha256 hex SHA-256 of the X.509 public key (its fingerprint), or {@code null}
 */
public record ModelVersionAnnounced(String modelVersion, String parentVersion, List<String> trainedOnClips,
                                    Map<String, Double> metrics, String artefactId, String publicKey,
                                    String publicKeySha256) implements Message {
    public ModelVersionAnnounced {
        Require.text(modelVersion, "modelVersion");
        Require.text(artefactId, "artefactId");
        trainedOnClips = List.copyOf(trainedOnClips);
        metrics = Map.copyOf(metrics);
        if (publicKeySha256 != null) {
            Require.sha256(publicKeySha256, "publicKeySha256");
        }
    }

    /** An announcement without key information (post then needs a provisioned key). */
    public ModelVersionAnnounced(String modelVersion, String parentVersion, List<String> trainedOnClips,
                                 Map<String, Double> metrics, String artefactId) {
        this(modelVersion, parentVersion, trainedOnClips, metrics, artefactId, null, null);
    }

    @Override
    public String schema() {
        return Schemas.MODEL_VERSION_ANNOUNCED;
    }
}

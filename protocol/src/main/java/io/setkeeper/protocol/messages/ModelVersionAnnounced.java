package io.setkeeper.protocol.messages;

import java.util.List;
import java.util.Map;

/**
 * A new immutable version of the production model exists on the appliance; its files follow as an artefact.
 *
 * @param modelVersion  the version id, e.g. {@code m-0007}
 * @param parentVersion the version it was adapted from, or {@code null} for the first one
 * @param trainedOnClips the clips whose footage this version learned from
 * @param metrics       evaluation numbers measured for this version (name to value)
 * @param artefactId    the artefact carrying the version's files
 */
public record ModelVersionAnnounced(String modelVersion, String parentVersion, List<String> trainedOnClips,
                                    Map<String, Double> metrics, String artefactId) implements Message {
    public ModelVersionAnnounced {
        Require.text(modelVersion, "modelVersion");
        Require.text(artefactId, "artefactId");
        trainedOnClips = List.copyOf(trainedOnClips);
        metrics = Map.copyOf(metrics);
    }

    @Override
    public String schema() {
        return Schemas.MODEL_VERSION_ANNOUNCED;
    }
}

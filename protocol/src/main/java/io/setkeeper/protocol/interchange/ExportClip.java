package io.setkeeper.protocol.interchange;

import io.setkeeper.protocol.interchange.cdl.Cdl;
import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.Optional;

/**
 * One approved fix as every export format needs it: the clip, its slate (scene, take, circled), the CDL, the
 * source range in frames at the batch's rate, where the media is, and the approval record that let it out.
 *
 * @param clipName the camera clip name (ALE Name, EDL FROM CLIP NAME, OTIO clip name, CDL id)
 * @param reel     the source reel or tape, one word (EDL reel field)
 * @param approval the approval record (who, role, when, reason...), carried as is into OTIO clip metadata
 */
public record ExportClip(String clipName, String reel, String scene, String take, boolean circled, Cdl cdl,
        long sourceIn, long sourceOut, Optional<String> mediaUrl, JsonObject approval) {
    public ExportClip {
        Objects.requireNonNull(clipName, "clipName");
        Objects.requireNonNull(reel, "reel");
        scene = scene == null ? "" : scene;
        take = take == null ? "" : take;
        Objects.requireNonNull(cdl, "cdl");
        Objects.requireNonNull(mediaUrl, "mediaUrl");
        Objects.requireNonNull(approval, "approval");
        if (clipName.isBlank()) {
            throw new IllegalArgumentException("an exported clip needs a name");
        }
        if (sourceIn < 0 || sourceOut <= sourceIn) {
            throw new IllegalArgumentException("clip '" + clipName + "': source range " + sourceIn + ".."
                    + sourceOut + " is empty or negative");
        }
    }

    /** Length in frames. */
    public long frames() {
        return sourceOut - sourceIn;
    }

    /** The CDL under the clip's name, the id every format uses for it. */
    public Cdl namedCdl() {
        return cdl.withId(clipName);
    }
}

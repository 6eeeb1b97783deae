package io.setkeeper.protocol.messages;

import java.util.Arrays;

/**
 * One chunk of an artefact announced by an {@link ArtefactManifest}. On the wire the bytes travel raw after a small
 * JSON header (see the codec), not base64.
 *
 * @param artefactId the artefact this chunk belongs to
 * @param index      zero-based chunk index
 * @param sha256     hex SHA-256 of {@code data}
 * @param data       the chunk's bytes
 */
public record ArtefactChunk(String artefactId, int index, String sha256, byte[] data) implements Message {
    public ArtefactChunk {
        Require.text(artefactId, "artefactId");
        Require.sha256(sha256, "sha256");
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
        if (data == null) {
            throw new NullPointerException("data is required");
        }
    }

    @Override
    public String schema() {
        return Schemas.ARTEFACT_CHUNK;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArtefactChunk c && c.artefactId.equals(artefactId) && c.index == index
                && c.sha256.equals(sha256) && Arrays.equals(c.data, data);
    }

    @Override
    public int hashCode() {
        return (artefactId.hashCode() * 31 + index) * 31 + sha256.hashCode();
    }

    @Override
    public String toString() {
        return "ArtefactChunk[" + artefactId + " #" + index + ", " + data.length + " bytes, sha256=" + sha256 + "]";
    }
}

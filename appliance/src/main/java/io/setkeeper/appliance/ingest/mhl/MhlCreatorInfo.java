package io.setkeeper.appliance.ingest.mhl;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The {@code <creatorinfo>} of a generation: when, on which host, by which tool.
 *
 * @param location null when absent
 * @param comment  null when absent
 */
public record MhlCreatorInfo(OffsetDateTime creationDate, String hostName, String toolName, String toolVersion,
                             String location, String comment) {
    public MhlCreatorInfo {
        Objects.requireNonNull(creationDate, "creationDate");
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(toolName, "toolName");
        Objects.requireNonNull(toolVersion, "toolVersion");
    }
}

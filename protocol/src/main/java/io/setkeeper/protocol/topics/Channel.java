package io.setkeeper.protocol.topics;

import io.setkeeper.protocol.messages.Schemas;

/**
 * The kinds of topic below {@code setkeeper/v1/{production}/{appliance}/}, each with the schema it carries, the QoS
 * and retain flag it is published with, and who publishes it. {@code docs/mqtt.md} documents the same table; a test
 * keeps them equal.
 */
public enum Channel {
    MODEL_ANNOUNCED("model/announced", Schemas.MODEL_VERSION_ANNOUNCED, 1, false, Direction.TO_POST),
    ARTEFACT_MANIFEST("artefact/{artefact}/manifest", Schemas.ARTEFACT_MANIFEST, 1, false, Direction.TO_POST),
    ARTEFACT_CHUNK("artefact/{artefact}/chunk/{index}", Schemas.ARTEFACT_CHUNK, 1, false, Direction.TO_POST),
    FIX_APPROVED("fix/approved", Schemas.FIX_APPROVED, 1, false, Direction.TO_POST),
    FLAG_RAISED("flag/raised", Schemas.FLAG_RAISED, 1, false, Direction.TO_POST),
    FLAG_DECIDED("flag/decided", Schemas.FLAG_DECIDED, 1, false, Direction.TO_POST),
    COVERAGE_REPORT("coverage/report", Schemas.COVERAGE_REPORT, 1, false, Direction.TO_POST),
    STATUS("status", Schemas.APPLIANCE_STATUS, 1, true, Direction.TO_POST),
    RECEIPT("receipt", Schemas.DELIVERY_RECEIPT, 1, false, Direction.TO_APPLIANCE);

    /** Who publishes on a channel. */
    public enum Direction { TO_POST, TO_APPLIANCE }

    private final String pattern;
    private final String schema;
    private final int qos;
    private final boolean retain;
    private final Direction direction;

    Channel(String pattern, String schema, int qos, boolean retain, Direction direction) {
        this.pattern = pattern;
        this.schema = schema;
        this.qos = qos;
        this.retain = retain;
        this.direction = direction;
    }

    /** The levels after the appliance, with {@code {artefact}} and {@code {index}} placeholders. */
    public String pattern() {
        return pattern;
    }

    public String schema() {
        return schema;
    }

    public int qos() {
        return qos;
    }

    public boolean retain() {
        return retain;
    }

    public Direction direction() {
        return direction;
    }

    /** The channel that carries {@code schema}. */
    public static Channel forSchema(String schema) {
        for (Channel c : values()) {
            if (c.schema.equals(schema)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no topic carries schema '" + schema + "'");
    }
}

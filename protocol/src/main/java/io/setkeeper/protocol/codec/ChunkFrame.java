package io.setkeeper.protocol.codec;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The binary layout of an artefact chunk payload: the 4 ASCII bytes {@code SKC1}, the header length as a 4-byte
 * big-endian integer, the UTF-8 JSON envelope header, then the chunk's raw bytes. Raw bytes avoid base64's third
 * more traffic and its CPU cost.
 */
record ChunkFrame(byte[] header, byte[] data) {
    static final byte[] MAGIC = {'S', 'K', 'C', '1'};

    static boolean isFrame(byte[] payload) {
        return payload.length >= 4 && payload[0] == MAGIC[0] && payload[1] == MAGIC[1] && payload[2] == MAGIC[2]
                && payload[3] == MAGIC[3];
    }

    static byte[] write(byte[] header, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(8 + header.length + data.length);
        b.put(MAGIC).putInt(header.length).put(header).put(data);
        return b.array();
    }

    static ChunkFrame read(byte[] payload) {
        if (payload.length < 8) {
            throw new MalformedMessageException("chunk frame truncated: " + payload.length + " bytes");
        }
        int headerLength = ByteBuffer.wrap(payload, 4, 4).getInt();
        if (headerLength <= 0 || headerLength > payload.length - 8) {
            throw new MalformedMessageException("chunk frame header length " + headerLength + " does not fit in a "
                    + payload.length + "-byte payload");
        }
        return new ChunkFrame(Arrays.copyOfRange(payload, 8, 8 + headerLength),
                Arrays.copyOfRange(payload, 8 + headerLength, payload.length));
    }
}

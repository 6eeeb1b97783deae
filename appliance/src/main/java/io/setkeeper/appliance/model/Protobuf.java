package io.setkeeper.appliance.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A minimal protocol buffers writer (varint, length-delimited and packed fields): enough to write ONNX models. */
final class Protobuf {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private void varint(long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private void tag(int field, int wireType) {
        varint(((long) field << 3) | wireType);
    }

    Protobuf int64(int field, long v) {
        tag(field, 0);
        varint(v);
        return this;
    }

    Protobuf bytes(int field, byte[] b) {
        tag(field, 2);
        varint(b.length);
        out.writeBytes(b);
        return this;
    }

    Protobuf string(int field, String s) {
        return bytes(field, s.getBytes(StandardCharsets.UTF_8));
    }

    Protobuf message(int field, Protobuf m) {
        return bytes(field, m.toByteArray());
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}

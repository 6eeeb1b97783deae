package io.setkeeper.appliance.slate;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds WAVE files chunk by chunk for tests, including broken ones. */
final class WavBuilder {

    private final ByteArrayOutputStream chunks = new ByteArrayOutputStream();
    private String form = "RIFF";
    private boolean pad = true;

    static WavBuilder riff() {
        return new WavBuilder();
    }

    WavBuilder rf64() {
        form = "RF64";
        return this;
    }

    WavBuilder noPadding() {
        pad = false;
        return this;
    }

    WavBuilder chunk(String id, byte[] body) {
        return chunk(id, body, body.length);
    }

    /** A chunk whose header declares {@code declared} bytes (which may be a lie). */
    WavBuilder chunk(String id, byte[] body, long declared) {
        chunks.writeBytes(id.getBytes(StandardCharsets.ISO_8859_1));
        chunks.writeBytes(le32(declared));
        chunks.writeBytes(body);
        if (pad && (body.length & 1) == 1) {
            chunks.write(0);
        }
        return this;
    }

    WavBuilder fmt(int channels, int sampleRate, int bits) {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        int align = channels * bits / 8;
        b.putShort((short) 1).putShort((short) channels).putInt(sampleRate).putInt(sampleRate * align)
                .putShort((short) align).putShort((short) bits);
        return chunk("fmt ", b.array());
    }

    WavBuilder bext(String description, String originator, long timeReference, int version, byte[] umid) {
        ByteBuffer b = ByteBuffer.allocate(602).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, fixed(description, 256)).put(256, fixed(originator, 32)).put(320, fixed("2026-11-22", 10))
                .put(330, fixed("12:00:00", 8));
        b.putLong(338, timeReference).putShort(346, (short) version);
        if (umid != null) {
            b.put(348, umid);
        }
        return chunk("bext", b.array());
    }

    WavBuilder ixml(String xml) {
        return chunk("iXML", xml.getBytes(StandardCharsets.UTF_8));
    }

    WavBuilder data(int bytes) {
        return chunk("data", new byte[bytes]);
    }

    byte[] bytes() {
        byte[] body = chunks.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(form.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(le32(form.equals("RIFF") ? body.length + 4L : 0xFFFF_FFFFL));
        out.writeBytes("WAVE".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    static byte[] ds64(long riffSize, long dataSize, long sampleCount) {
        return ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN).putLong(riffSize).putLong(dataSize)
                .putLong(sampleCount).putInt(0).array();
    }

    static String ixmlDoc(String scene, String take, String rate, String flag, long timestamp) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <BWFXML>
                  <PROJECT>SIGNING ROOM</PROJECT>
                  <SCENE>%s</SCENE>
                  <TAKE>%s</TAKE>
                  <TAPE>D001</TAPE>
                  <NOTE>plane overhead</NOTE>
                  <SPEED>
                    <NOTE>speed note</NOTE>
                    <MASTER_SPEED>%s</MASTER_SPEED>
                    <TIMECODE_RATE>%s</TIMECODE_RATE>
                    <TIMECODE_FLAG>%s</TIMECODE_FLAG>
                    <FILE_SAMPLE_RATE>48000</FILE_SAMPLE_RATE>
                    <TIMESTAMP_SAMPLE_RATE>48000</TIMESTAMP_SAMPLE_RATE>
                    <TIMESTAMP_SAMPLES_SINCE_MIDNIGHT_HI>%d</TIMESTAMP_SAMPLES_SINCE_MIDNIGHT_HI>
                    <TIMESTAMP_SAMPLES_SINCE_MIDNIGHT_LO>%d</TIMESTAMP_SAMPLES_SINCE_MIDNIGHT_LO>
                  </SPEED>
                  <TRACK_LIST>
                    <TRACK_COUNT>2</TRACK_COUNT>
                    <TRACK><CHANNEL_INDEX>1</CHANNEL_INDEX><INTERLEAVE_INDEX>1</INTERLEAVE_INDEX><NAME>Boom</NAME></TRACK>
                    <TRACK><CHANNEL_INDEX>2</CHANNEL_INDEX><INTERLEAVE_INDEX>2</INTERLEAVE_INDEX><NAME>Lav JANA</NAME><FUNCTION>LAV</FUNCTION></TRACK>
                  </TRACK_LIST>
                </BWFXML>
                """.formatted(scene, take, rate, rate, flag, timestamp >>> 32, timestamp & 0xffff_ffffL);
    }

    private static byte[] fixed(String s, int length) {
        byte[] out = new byte[length];
        byte[] in = s.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(in, 0, out, 0, Math.min(in.length, length));
        return out;
    }

    private static byte[] le32(long v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array();
    }
}

package io.setkeeper.appliance.slate;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Broadcast Wave {@code bext} chunk (EBU Tech 3285): description, originator, origination date and time, the
 * 64-bit TimeReference (samples since midnight of the first sample), version, and the SMPTE UMID when one is set.
 *
 * @param timeReference samples since midnight at the file's sample rate, empty when the chunk is too short to hold it
 * @param umid          the UMID as hex (64 bytes for a version 1+ chunk), empty when absent or all zeros
 */
public record Bext(String description, String originator, String originatorReference, String originationDate,
                   String originationTime, Optional<Long> timeReference, int version, Optional<String> umid,
                   String codingHistory) {

    static final int TIME_REFERENCE_END = 346;
    private static final int UMID_OFFSET = 348;
    private static final int CODING_HISTORY_OFFSET = 602;

    /** Reads the fields present in {@code data}; a short chunk yields the fields it holds and blanks for the rest. */
    static Bext parse(byte[] data) {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        Optional<Long> timeReference = data.length >= TIME_REFERENCE_END ? Optional.of(b.getLong(338)) : Optional.empty();
        int version = data.length >= 348 ? Short.toUnsignedInt(b.getShort(346)) : 0;
        Optional<String> umid = Optional.empty();
        if (data.length >= UMID_OFFSET + 64) {
            StringBuilder hex = new StringBuilder();
            boolean any = false;
            for (int i = UMID_OFFSET; i < UMID_OFFSET + 64; i++) {
                any |= data[i] != 0;
                hex.append(String.format("%02x", data[i] & 0xff));
            }
            if (any) {
                // a basic UMID is 32 bytes; drop an all-zero extended half
                String text = hex.toString();
                umid = Optional.of(text.substring(64).matches("0*") ? text.substring(0, 64) : text);
            }
        }
        return new Bext(text(data, 0, 256), text(data, 256, 32), text(data, 288, 32), text(data, 320, 10),
                text(data, 330, 8), timeReference, version, umid,
                data.length > CODING_HISTORY_OFFSET ? text(data, CODING_HISTORY_OFFSET, data.length - CODING_HISTORY_OFFSET) : "");
    }

    private static String text(byte[] data, int offset, int length) {
        if (offset >= data.length) {
            return "";
        }
        int end = Math.min(data.length, offset + length);
        int stop = offset;
        while (stop < end && data[stop] != 0) {
            stop++;
        }
        String s = new String(data, offset, stop - offset, StandardCharsets.ISO_8859_1);
        return s.strip();
    }

    /**
     * The {@code KEY=value} lines recorders put in the description ({@code sSCENE=A101} from Sound Devices,
     * {@code gTAKE=06} from Metacorder, {@code SPEED=25.000ND} from Zoom), keys upper-case without the vendor's
     * one-letter lower-case prefix.
     */
    public Map<String, String> descriptionFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : description.split("[\r\n]+")) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            if (key.length() > 1 && Character.isLowerCase(key.charAt(0))
                    && key.substring(1).equals(key.substring(1).toUpperCase(Locale.ROOT))) {
                key = key.substring(1);
            }
            fields.putIfAbsent(key.toUpperCase(Locale.ROOT), line.substring(eq + 1).strip());
        }
        return fields;
    }
}

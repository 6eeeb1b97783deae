package io.setkeeper.appliance.slate;

import io.setkeeper.protocol.timecode.FrameRate;
import io.setkeeper.protocol.timecode.Timecode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the metadata of a Broadcast WAV (RIFF, RF64 or BW64): walks the chunks, reads {@code fmt }, {@code bext},
 * {@code iXML} and {@code ds64}, measures {@code data} without reading the samples, and computes the start timecode
 * from the sample timestamp at the file's timecode rate (so 23.976 counts 48048 samples per timecode second at
 * 48 kHz). A truncated chunk, an odd-size chunk without its pad byte or malformed iXML becomes a {@link Problem};
 * everything else in the file is still read.
 */
public final class BroadcastWavReader {

    /** Metadata chunks larger than this are not read (a hostile size must not exhaust memory). */
    static final int MAX_METADATA_CHUNK = 16 * 1024 * 1024;
    private static final long UNKNOWN_32 = 0xFFFF_FFFFL;

    private BroadcastWavReader() {
    }

    /**
     * Reads a file's metadata. Only failing to open or read the file throws; anything wrong inside it is reported in
     * {@link SoundFile#problems()}.
     */
    public static SoundFile read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return walk(file, ch);
        }
    }

    private static SoundFile walk(Path file, FileChannel ch) throws IOException {
        List<Problem> problems = new ArrayList<>();
        long size = ch.size();
        ByteBuffer header = read(ch, 0, 12);
        String form = header.remaining() >= 12 ? id(header, 0) : "";
        String wave = header.remaining() >= 12 ? id(header, 8) : "";
        if (!(form.equals("RIFF") || form.equals("RF64") || form.equals("BW64")) || !wave.equals("WAVE")) {
            problems.add(Problem.ofFile("not a WAVE file (starts with '" + printable(form) + "' '" + printable(wave) + "')"));
            return new SoundFile(file, Optional.empty(), 0, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), problems);
        }
        boolean rf64 = !form.equals("RIFF");
        long ds64Data = -1;
        Optional<AudioFormat> format = Optional.empty();
        Optional<Bext> bext = Optional.empty();
        Optional<Ixml> ixml = Optional.empty();
        long dataBytes = -1;
        long pos = 12;
        while (pos + 8 <= size) {
            ByteBuffer h = read(ch, pos, 8);
            String id = id(h, 0);
            long declared = Integer.toUnsignedLong(h.getInt(4));
            if (!plausibleId(h, 0)) {
                problems.add(Problem.ofFile("garbage instead of a chunk header at byte " + pos + ": rest of file ignored"));
                break;
            }
            if (rf64 && declared == UNKNOWN_32 && id.equals("data") && ds64Data >= 0) {
                declared = ds64Data;
            }
            long available = Math.min(declared, size - pos - 8);
            if (available < declared) {
                problems.add(Problem.ofFile("chunk '" + id + "' at byte " + pos + " declares " + declared
                        + " bytes but only " + available + " are in the file (truncated)"));
            }
            switch (id) {
                case "fmt " -> format = fmt(load(ch, pos, available, id, problems), pos, problems);
                case "ds64" -> {
                    byte[] d = load(ch, pos, available, id, problems);
                    if (d != null && d.length >= 16) {
                        ds64Data = ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN).getLong(8);
                    } else {
                        problems.add(Problem.ofFile("ds64 chunk at byte " + pos + " is too short for the data size"));
                    }
                }
                case "bext" -> {
                    byte[] d = load(ch, pos, available, id, problems);
                    if (d != null) {
                        bext = Optional.of(Bext.parse(d));
                        if (d.length < Bext.TIME_REFERENCE_END) {
                            problems.add(Problem.ofFile("bext chunk at byte " + pos + " has " + d.length
                                    + " bytes, too short for TimeReference"));
                        }
                    }
                }
                case "iXML" -> {
                    byte[] d = load(ch, pos, available, id, problems);
                    if (d != null) {
                        try {
                            ixml = Optional.of(Ixml.parse(d));
                        } catch (IllegalArgumentException e) {
                            problems.add(Problem.ofFile("iXML chunk at byte " + pos + " ignored: " + e.getMessage()));
                        }
                    }
                }
                case "data" -> dataBytes = dataBytes < 0 ? available : dataBytes;
                default -> { }
            }
            if (available < declared) {
                break;
            }
            pos = next(ch, pos, declared, size);
        }
        if (pos < size && pos + 8 > size) {
            problems.add(Problem.ofFile((size - pos) + " stray bytes at the end of the file"));
        }
        if (format.isEmpty()) {
            problems.add(Problem.ofFile("no fmt chunk: sample rate and length unknown"));
        }
        if (dataBytes < 0) {
            problems.add(Problem.ofFile("no data chunk: the file holds no audio"));
        }
        long presentBytes = Math.max(0, dataBytes);
        long samples = format.filter(f -> f.blockAlign() > 0).map(f -> presentBytes / f.blockAlign()).orElse(0L);
        SoundFile partial = new SoundFile(file, format, samples, bext, ixml, Optional.empty(), Optional.empty(), problems);
        return timecode(partial, problems);
    }

    /** Fills in the timecode rate and start, or says why they are unknown. */
    private static SoundFile timecode(SoundFile f, List<Problem> problems) {
        Optional<FrameRate> rate = TimecodeRate.of(f, problems);
        Optional<Long> fromBext = f.bext().flatMap(Bext::timeReference);
        Optional<Long> fromIxml = f.ixml().flatMap(Ixml::timestampSamples);
        if (fromBext.isPresent() && fromIxml.isPresent() && !fromBext.equals(fromIxml)) {
            problems.add(Problem.ofFile("bext TimeReference " + fromBext.get() + " and iXML timestamp " + fromIxml.get()
                    + " differ: bext used"));
        }
        Optional<Timecode> start = Optional.empty();
        if (f.timestampSamples().isEmpty()) {
            problems.add(Problem.ofFile("no sample timestamp (bext TimeReference or iXML): start timecode unknown"));
        } else if (f.timestampSamples().get() < 0) {
            problems.add(Problem.ofFile("negative sample timestamp " + f.timestampSamples().get() + ": start timecode unknown"));
        } else if (rate.isPresent()) {
            start = f.startAt(rate.get());
        }
        return new SoundFile(f.file(), f.format(), f.sampleCount(), f.bext(), f.ixml(), rate, start, problems);
    }

    private static Optional<AudioFormat> fmt(byte[] d, long pos, List<Problem> problems) {
        if (d == null || d.length < 16) {
            problems.add(Problem.ofFile("fmt chunk at byte " + pos + " is too short"));
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN);
        return Optional.of(new AudioFormat(Short.toUnsignedInt(b.getShort(0)), Short.toUnsignedInt(b.getShort(2)),
                Integer.toUnsignedLong(b.getInt(4)), Short.toUnsignedInt(b.getShort(12)), Short.toUnsignedInt(b.getShort(14))));
    }

    private static byte[] load(FileChannel ch, long pos, long length, String id, List<Problem> problems) throws IOException {
        if (length > MAX_METADATA_CHUNK) {
            problems.add(Problem.ofFile("chunk '" + id + "' at byte " + pos + " is " + length + " bytes: too big, skipped"));
            return null;
        }
        ByteBuffer b = read(ch, pos + 8, (int) length);
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    /** The next chunk's offset: after the pad byte of an odd-sized chunk, unless the writer left it out. */
    private static long next(FileChannel ch, long pos, long declared, long size) throws IOException {
        long unpadded = pos + 8 + declared;
        if ((declared & 1) == 0 || unpadded + 1 + 8 > size) {
            return unpadded + (declared & 1);
        }
        ByteBuffer padded = read(ch, unpadded + 1, 4);
        ByteBuffer bare = read(ch, unpadded, 4);
        boolean paddedOk = padded.remaining() == 4 && plausibleId(padded, 0);
        boolean bareOk = bare.remaining() == 4 && plausibleId(bare, 0);
        return !paddedOk && bareOk ? unpadded : unpadded + 1;
    }

    private static ByteBuffer read(FileChannel ch, long pos, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, pos + b.position()) < 0) {
                break;
            }
        }
        return b.flip();
    }

    private static String id(ByteBuffer b, int at) {
        byte[] id = new byte[4];
        b.get(at, id);
        return new String(id, StandardCharsets.ISO_8859_1);
    }

    private static boolean plausibleId(ByteBuffer b, int at) {
        for (int i = at; i < at + 4; i++) {
            int c = b.get(i) & 0xff;
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String s) {
        return s.chars().mapToObj(c -> c >= 0x20 && c < 0x7f ? Character.toString(c) : String.format("\\x%02x", c))
                .reduce("", String::concat);
    }
}

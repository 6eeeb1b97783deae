package io.setkeeper.protocol.timecode;

import java.math.BigInteger;

/**
 * A SMPTE timecode label: a frame count since midnight at a {@link FrameRate}, always within one day
 * ({@code 0 <= frame < rate.framesPerDay()}); arithmetic wraps at 24 hours, so a take that starts at
 * {@code 23:58:30:00} and runs three minutes ends at {@code 00:01:30:00}.
 *
 * <p>Drop-frame timecode (29.97, 59.94) skips the labels {@code ;00} and {@code ;01} (four at 59.94) at the start
 * of every minute except each tenth; it is written with {@code ';'} before the frames.
 *
 * @param frame frames since midnight, counted in real frames (labels skipped by drop-frame are not counted)
 * @param rate  the rate the label counts in
 */
public record Timecode(long frame, FrameRate rate) implements Comparable<Timecode> {

    public Timecode {
        if (rate == null) {
            throw new IllegalArgumentException("timecode needs a frame rate");
        }
        if (frame < 0 || frame >= rate.framesPerDay()) {
            throw new IllegalArgumentException("frame " + frame + " is outside one day at " + rate);
        }
    }

    /** The timecode {@code frames} frames after midnight, wrapped into one day (negative counts wrap backwards). */
    public static Timecode ofFrames(long frames, FrameRate rate) {
        return new Timecode(Math.floorMod(frames, rate.framesPerDay()), rate);
    }

    /**
     * The timecode with these label fields.
     *
     * @throws IllegalArgumentException when a field is out of range or the label is one drop-frame skips
     */
    public static Timecode of(int hours, int minutes, int seconds, int frames, FrameRate rate) {
        if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59
                || frames < 0 || frames >= rate.nominal()) {
            throw new IllegalArgumentException("timecode field out of range: %02d:%02d:%02d:%02d at %s"
                    .formatted(hours, minutes, seconds, frames, rate));
        }
        int drop = rate.droppedPerMinute();
        long totalMinutes = 60L * hours + minutes;
        if (drop > 0 && seconds == 0 && frames < drop && minutes % 10 != 0) {
            throw new IllegalArgumentException("%02d:%02d:%02d;%02d does not exist in drop-frame (skipped label)"
                    .formatted(hours, minutes, seconds, frames));
        }
        long labels = (3600L * hours + 60L * minutes + seconds) * rate.nominal() + frames;
        return new Timecode(labels - drop * (totalMinutes - totalMinutes / 10), rate);
    }

    /**
     * Parses {@code HH:MM:SS:FF}; a {@code ';'}, {@code '.'} or {@code ','} before the frames means drop-frame
     * ({@code HH:MM:SS;FF}). At rates that can drop frames (29.97, 59.94) the separator decides the counting and
     * the result's rate carries it; at other rates a drop-frame separator is an error. A text made only of
     * {@code '.'} separators follows {@code rate}'s own flag.
     *
     * @throws IllegalArgumentException naming the text and the reason
     */
    public static Timecode parse(String text, FrameRate rate) {
        if (text == null) {
            throw new IllegalArgumentException("no timecode");
        }
        String t = text.strip();
        int[] fields = new int[4];
        char[] seps = new char[3];
        if (!scan(t, fields, seps)) {
            throw new IllegalArgumentException("not a timecode (HH:MM:SS:FF): '" + text + "'");
        }
        char last = seps[2];
        boolean allDots = seps[0] == '.' && seps[1] == '.' && last == '.';
        boolean df = allDots ? rate.dropFrame() : last != ':' || seps[0] == ';' || seps[1] == ';';
        FrameRate counting = rate;
        if (df != rate.dropFrame()) {
            if (df && !rate.canDropFrame()) {
                throw new IllegalArgumentException("drop-frame separator in '" + text + "' but " + rate + " cannot drop frames");
            }
            counting = rate.withDropFrame(df);
        }
        try {
            return of(fields[0], fields[1], fields[2], fields[3], counting);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad timecode '" + text + "': " + e.getMessage(), e);
        }
    }

    /** Reads 1-2 digits, then three times a separator and 2 digits (2-3 for the frames); false if it does not fit. */
    private static boolean scan(String t, int[] fields, char[] seps) {
        int i = 0;
        for (int f = 0; f < 4; f++) {
            if (f > 0) {
                if (i >= t.length() || ":;.,".indexOf(t.charAt(i)) < 0) {
                    return false;
                }
                seps[f - 1] = t.charAt(i++);
            }
            int start = i;
            int value = 0;
            while (i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9' && i - start < 3) {
                value = value * 10 + (t.charAt(i++) - '0');
            }
            int digits = i - start;
            boolean ok = f == 0 ? digits >= 1 && digits <= 2 : f == 3 ? digits >= 2 : digits == 2;
            if (!ok) {
                return false;
            }
            fields[f] = value;
        }
        return i == t.length();
    }

    /**
     * The timecode of a sample position counted since midnight, e.g. a Broadcast WAV {@code TimeReference}.
     * Frames are {@code floor(samples * num / (den * sampleRate))}: at 23.976 a timecode second lasts 1.001 real
     * seconds, i.e. 48048 samples at 48 kHz, which is what makes a 702T's {@code 2190940753} read
     * {@code 12:39:59:00} and not the {@code 12:40:44:14} of a naive 24 fps division.
     */
    public static Timecode fromSamples(long samples, long sampleRate, FrameRate rate) {
        if (samples < 0 || sampleRate <= 0) {
            throw new IllegalArgumentException("bad sample position " + samples + " at " + sampleRate + " Hz");
        }
        BigInteger frames = BigInteger.valueOf(samples).multiply(BigInteger.valueOf(rate.num()))
                .divide(BigInteger.valueOf(rate.den()).multiply(BigInteger.valueOf(sampleRate)));
        return new Timecode(frames.mod(BigInteger.valueOf(rate.framesPerDay())).longValueExact(), rate);
    }

    /** Samples since midnight at {@code sampleRate} of this label's first sample (the inverse of fromSamples). */
    public long toSamples(long sampleRate) {
        BigInteger n = BigInteger.valueOf(frame).multiply(BigInteger.valueOf(rate.den())).multiply(BigInteger.valueOf(sampleRate));
        BigInteger d = BigInteger.valueOf(rate.num());
        BigInteger[] qr = n.divideAndRemainder(d);
        return qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
    }

    /** The label this frame count shows, in frames as if no label were skipped (equals frame when not drop-frame). */
    private long labelCount() {
        int drop = rate.droppedPerMinute();
        if (drop == 0) {
            return frame;
        }
        long perMinute = 60L * rate.nominal() - drop;
        long perTenMinutes = 600L * rate.nominal() - 9L * drop;
        long tens = frame / perTenMinutes;
        long rest = frame % perTenMinutes;
        long skipped = 9L * drop * tens;
        if (rest >= 60L * rate.nominal()) {
            skipped += drop * ((rest - 60L * rate.nominal()) / perMinute + 1);
        }
        return frame + skipped;
    }

    public int hours() {
        return (int) (labelCount() / (3600L * rate.nominal()));
    }

    public int minutes() {
        return (int) (labelCount() / (60L * rate.nominal()) % 60);
    }

    public int seconds() {
        return (int) (labelCount() / rate.nominal() % 60);
    }

    /** The frames field of the label (0 .. nominal-1). */
    public int frames() {
        return (int) (labelCount() % rate.nominal());
    }

    /** This label moved by {@code frames} (negative moves back), wrapping at midnight. */
    public Timecode plus(long frames) {
        return ofFrames(frame + Math.floorMod(frames, rate.framesPerDay()), rate);
    }

    /**
     * Frames from this label forward to {@code later}, wrapping at midnight ({@code 23:59:59:00} to
     * {@code 00:00:01:00} is two seconds). Both must count at the same rate.
     */
    public long framesUntil(Timecode later) {
        requireSameRate(later);
        return Math.floorMod(later.frame - frame, rate.framesPerDay());
    }

    /** Orders by frame count. Both must count at the same rate (same exact rate and drop-frame flag). */
    @Override
    public int compareTo(Timecode other) {
        requireSameRate(other);
        return Long.compare(frame, other.frame);
    }

    private void requireSameRate(Timecode other) {
        if (!rate.equals(other.rate)) {
            throw new IllegalArgumentException("timecodes at different rates: " + rate + " and " + other.rate);
        }
    }

    /** {@code HH:MM:SS:FF}, or {@code HH:MM:SS;FF} when drop-frame. */
    public String format() {
        long label = labelCount();
        long n = rate.nominal();
        StringBuilder out = new StringBuilder(12);
        two(out, label / (3600 * n)).append(':');
        two(out, label / (60 * n) % 60).append(':');
        two(out, label / n % 60).append(rate.dropFrame() ? ';' : ':');
        long ff = label % n;
        if (n > 100 && ff < 100) {
            out.append('0');
        }
        return two(out, ff).toString();
    }

    private static StringBuilder two(StringBuilder out, long value) {
        if (value < 10) {
            out.append('0');
        }
        return out.append(value);
    }

    @Override
    public String toString() {
        return format() + " @ " + rate;
    }
}

package io.setkeeper.protocol.timecode;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A video or timecode frame rate: the exact rational rate {@code num/den} frames per second, the nominal integer
 * rate that timecode labels count in (24 for 23.976, 30 for 29.97), and whether timecode at this rate counts in
 * drop-frame (only the 1001-family multiples of 30: 29.97, 59.94, 119.88).
 *
 * <p>Parsing is forgiving of how cameras, recorders and sidecars spell rates: {@code "25"}, {@code "23.976"},
 * {@code "23.98"}, {@code "23.97 ND"}, {@code "24000/1001"}, {@code "25/1"}, {@code "29.97"} (drop-frame by
 * default), {@code "29.97 NDF"}, {@code "023.976-ND"}, {@code "30DF"}, {@code "59.94"}.
 *
 * @param num       numerator of the exact rate, &gt; 0
 * @param den       denominator of the exact rate, &gt; 0 (1 or 1001 in practice)
 * @param nominal   the integer rate timecode labels count in: {@code round(num / den)}
 * @param dropFrame whether timecode at this rate skips labels (drop-frame); only for 1001-family multiples of 30
 */
public record FrameRate(int num, int den, int nominal, boolean dropFrame) {

    public static final FrameRate FPS_23_976 = new FrameRate(24000, 1001, 24, false);
    public static final FrameRate FPS_24 = of(24);
    public static final FrameRate FPS_25 = of(25);
    public static final FrameRate FPS_29_97_DF = new FrameRate(30000, 1001, 30, true);
    public static final FrameRate FPS_29_97_NDF = new FrameRate(30000, 1001, 30, false);
    public static final FrameRate FPS_30 = of(30);
    public static final FrameRate FPS_50 = of(50);
    public static final FrameRate FPS_59_94_DF = new FrameRate(60000, 1001, 60, true);
    public static final FrameRate FPS_60 = of(60);

    private static final Pattern RATIONAL = Pattern.compile("(\\d{1,9})\\s*/\\s*(\\d{1,9})");
    private static final Pattern DECIMAL = Pattern.compile("(\\d{1,6})(?:[.,](\\d{1,6}))?");
    private static final Pattern SUFFIX = Pattern.compile("[\\s_-]*(NDF|ND|DF|D|FPS|P|I)?\\s*$");

    public FrameRate {
        if (num <= 0 || den <= 0) {
            throw new IllegalArgumentException("frame rate must be positive: " + num + "/" + den);
        }
        long rounded = Math.round((double) num / den);
        if (nominal != rounded || nominal <= 0) {
            throw new IllegalArgumentException("nominal rate " + nominal + " does not match " + num + "/" + den);
        }
        if (dropFrame && !(den == 1001 && num % 1000 == 0 && nominal % 30 == 0)) {
            throw new IllegalArgumentException("drop-frame exists only at 29.97, 59.94, 119.88: not " + num + "/" + den);
        }
    }

    /** An integer rate such as 24, 25, 30 or 50 (never drop-frame). */
    public static FrameRate of(int fps) {
        return new FrameRate(fps, 1, fps, false);
    }

    /** The 1001-family rate for a nominal rate: 24 gives 23.976; 30 and 60 give drop-frame when asked. */
    public static FrameRate ntsc(int nominal, boolean dropFrame) {
        return new FrameRate(nominal * 1000, 1001, nominal, dropFrame);
    }

    /**
     * Parses a rate as written by cameras, recorders and sidecars. 29.97 and 59.94 are drop-frame unless the text says
     * ND/NDF; an integer rate followed by DF (e.g. {@code "30DF"}) means the 1001-family drop-frame rate.
     *
     * @throws IllegalArgumentException with the offending text when it is not a frame rate
     */
    public static FrameRate parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty frame rate");
        }
        String t = text.trim().toUpperCase(Locale.ROOT);
        Matcher suffix = SUFFIX.matcher(t);
        String flag = null;
        if (suffix.find()) {
            flag = suffix.group(1);
            t = t.substring(0, suffix.start()).trim();
        }
        Boolean df = flag == null ? null : switch (flag) {
            case "DF", "D" -> Boolean.TRUE;
            case "ND", "NDF" -> Boolean.FALSE;
            default -> null;
        };
        FrameRate rate;
        Matcher rational = RATIONAL.matcher(t);
        Matcher decimal = DECIMAL.matcher(t);
        if (rational.matches()) {
            rate = fromRatio(Long.parseLong(rational.group(1)), Long.parseLong(rational.group(2)), text);
        } else if (decimal.matches()) {
            rate = fromDecimal(Double.parseDouble(t.replace(',', '.')), text);
        } else {
            throw new IllegalArgumentException("not a frame rate: '" + text + "'");
        }
        if (df == null) {
            return rate;
        }
        if (df && rate.den == 1 && rate.nominal % 30 == 0) {
            return ntsc(rate.nominal, true); // "30DF" is how some devices write 29.97 drop-frame
        }
        if (df && !rate.canDropFrame()) {
            throw new IllegalArgumentException("drop-frame is not possible at " + rate + ": '" + text + "'");
        }
        return rate.withDropFrame(df);
    }

    private static FrameRate fromRatio(long n, long d, String text) {
        if (n <= 0 || d <= 0) {
            throw new IllegalArgumentException("not a frame rate: '" + text + "'");
        }
        long g = gcd(n, d);
        n /= g;
        d /= g;
        if (n > Integer.MAX_VALUE || d > Integer.MAX_VALUE || Math.round((double) n / d) <= 0) {
            throw new IllegalArgumentException("not a usable frame rate: '" + text + "'");
        }
        int nominal = (int) Math.round((double) n / d);
        boolean df = d == 1001 && n % 1000 == 0 && nominal % 30 == 0;
        return new FrameRate((int) n, (int) d, nominal, df);
    }

    private static FrameRate fromDecimal(double v, String text) {
        if (!(v > 0.5) || v > 1_000_000) {
            throw new IllegalArgumentException("not a usable frame rate: '" + text + "'");
        }
        long whole = Math.round(v);
        if (Math.abs(v - whole) < 0.005) {
            return of((int) whole);
        }
        long nominal = Math.round(v * 1.001);
        if (Math.abs(v - nominal * 1000.0 / 1001.0) < 0.01) {
            return ntsc((int) nominal, nominal % 30 == 0);
        }
        throw new IllegalArgumentException("frame rate is neither an integer nor a 1000/1001 rate: '" + text + "'");
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** Whether this rate can count timecode in drop-frame (29.97, 59.94, ...). */
    public boolean canDropFrame() {
        return den == 1001 && num % 1000 == 0 && nominal % 30 == 0;
    }

    /** The same exact rate with the drop-frame flag set or cleared. */
    public FrameRate withDropFrame(boolean drop) {
        return drop == dropFrame ? this : new FrameRate(num, den, nominal, drop);
    }

    /** Labels skipped at each minute not divisible by ten (2 at 29.97, 4 at 59.94), 0 when not drop-frame. */
    public int droppedPerMinute() {
        return dropFrame ? nominal / 15 : 0;
    }

    /** Frames in 24 hours of timecode labels at this rate (2,589,408 at 29.97 DF; 2,160,000 at 25). */
    public long framesPerDay() {
        long ndf = (long) nominal * 86_400;
        return ndf - (long) droppedPerMinute() * 9 * 144;
    }

    /** The exact rate as a double, for display; arithmetic uses {@link #num()} and {@link #den()}. */
    public double fps() {
        return (double) num / den;
    }

    /** {@code "25"}, {@code "24000/1001"}, {@code "30000/1001 DF"}: exact, and readable back by {@link #parse}. */
    @Override
    public String toString() {
        String exact = den == 1 ? Integer.toString(num) : num + "/" + den;
        if (dropFrame) {
            return exact + " DF";
        }
        return canDropFrame() ? exact + " NDF" : exact;
    }
}

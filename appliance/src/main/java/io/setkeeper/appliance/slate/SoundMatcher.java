package io.setkeeper.appliance.slate;

import io.setkeeper.protocol.timecode.Timecode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Matches production sound to picture by timecode and checks the slates. Pure: no I/O, same input, same answer.
 *
 * <p>Both sides are placed on the timecode axis in label time (what the labels read, which is what jam-synced
 * devices share): a span starts at its start label and runs for its length converted at its own rate. A sound file's
 * length in samples becomes timecode frames at {@code num/den} frames per real second, so at 23.976 one timecode
 * second is 48048 samples at 48 kHz, and a take that ends a few samples before the next begins does not overlap it.
 * Spans wrap at midnight. A pair whose spans overlap is a {@link SoundMatches.Match}; if their slates differ that is
 * also a {@link SoundMatches.SlateDiffers}. A pair slated the same whose spans do not meet is a
 * {@link SoundMatches.TimecodeApart}.
 */
public final class SoundMatcher {

    static final long DAY_NANOS = 86_400_000_000_000L;
    private static final BigInteger NANOS = BigInteger.valueOf(1_000_000_000L);

    private SoundMatcher() {
    }

    public static SoundMatches match(List<PictureTake> pictures, List<SoundTake> sounds) {
        List<SoundMatches.Match> matches = new ArrayList<>();
        List<SoundMatches.Disagreement> disagreements = new ArrayList<>();
        for (PictureTake p : pictures) {
            long[] pSpan = span(p.start(), BigInteger.valueOf(p.frames()), BigInteger.ONE);
            for (SoundTake s : sounds) {
                BigInteger frameNumerator = BigInteger.valueOf(s.samples()).multiply(BigInteger.valueOf(s.start().rate().num()));
                BigInteger frameDenominator = BigInteger.valueOf(s.start().rate().den()).multiply(BigInteger.valueOf(s.sampleRate()));
                long[] sSpan = span(s.start(), frameNumerator, frameDenominator);
                long overlap = overlap(pSpan, sSpan);
                SoundMatches.Slate slate = compare(p.scene(), p.take(), s.scene(), s.take());
                if (overlap > 0) {
                    matches.add(new SoundMatches.Match(p.id(), s.id(), Duration.ofNanos(overlap), slate));
                    if (slate == SoundMatches.Slate.DIFFERS) {
                        disagreements.add(new SoundMatches.SlateDiffers(p.id(), s.id(), slateText(p.scene(), p.take()),
                                slateText(s.scene(), s.take()), Duration.ofNanos(overlap)));
                    }
                } else if (slate == SoundMatches.Slate.AGREES) {
                    disagreements.add(new SoundMatches.TimecodeApart(p.id(), s.id(), slateText(p.scene(), p.take()),
                            Duration.ofNanos(gap(pSpan, sSpan))));
                }
            }
        }
        return new SoundMatches(matches, disagreements);
    }

    /**
     * A span {start, end} in label nanoseconds since midnight; the length is {@code num/den} frames at the start's
     * rate, counted from the start label so that drop-frame labels are respected. The end may pass midnight.
     */
    static long[] span(Timecode start, BigInteger num, BigInteger den) {
        BigInteger[] whole = num.divideAndRemainder(den);
        long perDay = start.rate().framesPerDay();
        long frames = whole[0].min(BigInteger.valueOf(perDay)).longValueExact();
        long begin = labelNanos(start);
        long end;
        if (frames >= perDay) {
            end = begin + DAY_NANOS;
        } else {
            long endLabel = labelNanos(start.plus(frames));
            end = begin + Math.floorMod(endLabel - begin, DAY_NANOS);
            BigInteger fraction = whole[1].multiply(NANOS).divide(den.multiply(BigInteger.valueOf(start.rate().nominal())));
            end += fraction.longValueExact();
        }
        return new long[] {begin, end};
    }

    /** What the label reads, in nanoseconds since midnight: HH:MM:SS plus FF/nominal of a second. */
    static long labelNanos(Timecode tc) {
        long seconds = tc.hours() * 3600L + tc.minutes() * 60L + tc.seconds();
        return seconds * 1_000_000_000L + tc.frames() * 1_000_000_000L / tc.rate().nominal();
    }

    private static long overlap(long[] a, long[] b) {
        long best = 0;
        for (long shift = -DAY_NANOS; shift <= DAY_NANOS; shift += DAY_NANOS) {
            best = Math.max(best, Math.min(a[1], b[1] + shift) - Math.max(a[0], b[0] + shift));
        }
        return best;
    }

    private static long gap(long[] a, long[] b) {
        long best = Long.MAX_VALUE;
        for (long shift = -DAY_NANOS; shift <= DAY_NANOS; shift += DAY_NANOS) {
            long g = Math.max(b[0] + shift - a[1], a[0] - (b[1] + shift));
            best = Math.min(best, Math.max(0, g));
        }
        return best;
    }

    static SoundMatches.Slate compare(Optional<String> pScene, Optional<String> pTake, Optional<String> sScene,
                                      Optional<String> sTake) {
        Optional<Boolean> scene = same(pScene, sScene);
        Optional<Boolean> take = same(pTake, sTake);
        if (scene.filter(b -> !b).isPresent() || take.filter(b -> !b).isPresent()) {
            return SoundMatches.Slate.DIFFERS;
        }
        return scene.isPresent() && take.isPresent() ? SoundMatches.Slate.AGREES : SoundMatches.Slate.UNKNOWN;
    }

    private static Optional<Boolean> same(Optional<String> a, Optional<String> b) {
        Optional<String> x = a.map(SoundMatcher::normal).filter(s -> !s.isEmpty());
        Optional<String> y = b.map(SoundMatcher::normal).filter(s -> !s.isEmpty());
        return x.isPresent() && y.isPresent() ? Optional.of(x.get().equals(y.get())) : Optional.empty();
    }

    /** Slates compare case-blind, without spaces, and without leading zeros on numbers ("001" is "1", "05B" is "5B"). */
    static String normal(String slate) {
        String s = slate.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s_-]+", "");
        return s.replaceAll("(?<![0-9])0+(?=[0-9])", "");
    }

    private static String slateText(Optional<String> scene, Optional<String> take) {
        return scene.orElse("?") + "/" + take.orElse("?");
    }
}

package io.setkeeper.ui.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/** How numbers read on the station: sizes, rates, time left, progress across an offload's phases. Pure. */
public final class Formats {
    private Formats() {
    }

    /** 1.5 GB, 412 MB, 980 kB, 12 B (decimal units, as card sizes are printed). */
    public static String bytes(long n) {
        if (n < 1000) {
            return n + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB"};
        double v = n;
        int i = -1;
        while (v >= 1000 && i < units.length - 1) {
            v /= 1000;
            i++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[i]);
    }

    /** "412 MB/s", or "" before a rate is known. */
    public static String rate(long bytesPerSecond) {
        return bytesPerSecond <= 0 ? "" : bytes(bytesPerSecond) + "/s";
    }

    /** "1:02:03 left", "4:05 left", "under a second left", or "" when the appliance gives no estimate. */
    public static String eta(OptionalLong seconds) {
        if (seconds.isEmpty() || seconds.getAsLong() < 0) {
            return "";
        }
        long s = seconds.getAsLong();
        if (s == 0) {
            return "under a second left";
        }
        return (s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60)) + " left";
    }

    /**
     * Progress of the whole job from a phase and that phase's own fraction: copying is the first half, verifying
     * (reading every copy back) up to 95 %, sealing the rest; a finished job is 1.
     */
    public static double overall(String phase, double fraction) {
        double f = Math.max(0, Math.min(1, fraction));
        return switch (phase) {
            case "COPYING" -> 0.5 * f;
            case "VERIFYING" -> 0.5 + 0.45 * f;
            case "SEALING" -> 0.95 + 0.05 * f;
            case "DONE" -> 1.0;
            default -> 0.0;
        };
    }

    /** A phase or state in words: "Copying", "Verifying copies", "Writing ASC MHL", "Done", "Failed", "Queued". */
    public static String phase(String phase) {
        return switch (phase) {
            case "QUEUED" -> "Queued";
            case "COPYING" -> "Copying";
            case "VERIFYING" -> "Verifying copies";
            case "SEALING" -> "Writing ASC MHL";
            case "DONE" -> "Done";
            case "FAILED" -> "Failed";
            default -> phase;
        };
    }

    /** Destinations typed one a line (or separated by ';'), blanks dropped. */
    public static List<String> destinations(String text) {
        List<String> out = new ArrayList<>();
        for (String s : (text == null ? "" : text).split("[;\\n]")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    /** "3.0 s", "1 min 05 s". */
    public static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }

    /** A frame rate as people say it: "24000/1001" → "23.976", "25/1" → "25"; anything else unchanged. */
    public static String fps(String rational) {
        String[] parts = rational.split("/");
        try {
            double v = parts.length == 2 ? Double.parseDouble(parts[0]) / Double.parseDouble(parts[1])
                    : Double.parseDouble(rational);
            if (!Double.isFinite(v) || v <= 0) {
                return rational;
            }
            String s = String.format(Locale.ROOT, "%.3f", v);
            return s.replaceAll("\\.?0+$", "");
        } catch (NumberFormatException e) {
            return rational;
        }
    }

    /** "1 card", "3 cards". */
    public static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}

package io.setkeeper.protocol.interchange.edl;

import io.setkeeper.protocol.interchange.cdl.AscSop;
import java.util.Locale;

/**
 * Writes a CMX3600 EDL: TITLE, FCM, then per event its line, an {@code M2} line for a speed change, and the
 * comment lines {@code * FROM CLIP NAME:}, {@code * TO CLIP NAME:}, {@code *ASC_SOP}, {@code *ASC_SAT},
 * {@code * LOC:}, {@code * SOURCE FILE:} and free comments. Reel names and tracks must be single words.
 */
public final class EdlWriter {
    private EdlWriter() {
    }

    /** The EDL text, LF line ends. */
    public static String write(Edl edl) {
        StringBuilder out = new StringBuilder();
        out.append("TITLE: ").append(oneLine(edl.title(), "title")).append('\n');
        out.append("FCM: ").append(edl.dropFrame() ? "DROP FRAME" : "NON-DROP FRAME").append("\n\n");
        int index = 0;
        for (EdlEvent e : edl.events()) {
            index++;
            String number = e.number().matches("\\d{3,6}") ? e.number() : String.format("%03d", index);
            String duration = e.transition().equals("C") && e.transitionFrames() == 0 ? "   "
                    : String.format("%03d", e.transitionFrames());
            out.append(number).append("  ").append(pad(word(e.reel(), "reel"), 8)).append(' ')
                    .append(pad(word(e.track(), "track"), 5)).append(' ')
                    .append(pad(word(e.transition(), "transition"), 4)).append(' ').append(duration).append(' ')
                    .append(edl.timecode(e.sourceIn())).append(' ').append(edl.timecode(e.sourceOut())).append(' ')
                    .append(edl.timecode(e.recordIn())).append(' ').append(edl.timecode(e.recordOut()))
                    .append('\n');
            e.speed().ifPresent(s -> out.append("M2   ").append(pad(word(s.reel(), "M2 reel"), 8)).append("     ")
                    .append(String.format(Locale.ROOT, "%05.1f", s.fps())).append("                ")
                    .append(edl.timecode(s.frame())).append('\n'));
            if (!e.clipName().isEmpty()) {
                out.append("* FROM CLIP NAME:  ").append(oneLine(e.clipName(), "clip name")).append('\n');
            }
            if (!e.toClipName().isEmpty()) {
                out.append("* TO CLIP NAME:  ").append(oneLine(e.toClipName(), "clip name")).append('\n');
            }
            e.cdl().ifPresent(cdl -> out.append("*ASC_SOP ").append(AscSop.format(cdl)).append('\n')
                    .append("*ASC_SAT ").append(AscSop.formatSat(cdl)).append('\n'));
            for (EdlMarker m : e.markers()) {
                out.append("* LOC: ").append(edl.timecode(m.frame()));
                if (!m.color().isEmpty()) {
                    out.append(' ').append(pad(word(m.color(), "marker colour"), 7));
                }
                if (!m.name().isEmpty()) {
                    out.append(' ').append(oneLine(m.name(), "marker"));
                }
                out.append('\n');
            }
            if (!e.sourceFile().isEmpty()) {
                out.append("* SOURCE FILE: ").append(oneLine(e.sourceFile(), "source file")).append('\n');
            }
            for (String comment : e.comments()) {
                out.append("* ").append(oneLine(comment, "comment")).append('\n');
            }
        }
        return out.toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String word(String s, String what) {
        if (s.isEmpty() || !s.equals(s.strip()) || s.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("EDL " + what + " must be one word without spaces: '" + s + "'");
        }
        return s;
    }

    private static String oneLine(String s, String what) {
        if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("EDL " + what + " holds a line break: '" + s + "'");
        }
        return s;
    }
}

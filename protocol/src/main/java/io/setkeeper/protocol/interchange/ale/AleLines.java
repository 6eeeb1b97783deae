package io.setkeeper.protocol.interchange.ale;

import io.setkeeper.protocol.interchange.InterchangeText;
import java.util.List;
import java.util.Locale;

/**
 * The lines of an Avid Log Exchange text in their sections: {@code Heading} (tab-separated key and value),
 * {@code Column} (the tab-separated column names) and {@code Data} (one tab-separated line per clip). Readers apply
 * their own rules to each line: {@link AleReader} here, the appliance's slate reader (strict yes/no, timecodes).
 */
public final class AleLines {

    /** Where a line stands; {@code START} is anything before the first section keyword. */
    public enum Section { START, HEADING, COLUMN, DATA }

    /** Receives the lines in file order. */
    @FunctionalInterface
    public interface Visitor {
        /**
         * One line that is not blank.
         *
         * @param section the section it belongs to; for a keyword line, the section it opens
         * @param keyword true for the {@code Heading}, {@code Column} and {@code Data} lines themselves
         * @param number  its 1-based line number
         * @param text    the line without its line end
         */
        void line(Section section, boolean keyword, int number, String text);
    }

    private AleLines() {
    }

    /** Passes every non-blank line of {@code text} to {@code visitor} (line ends LF, CRLF or CR; BOM dropped). */
    public static void scan(String text, Visitor visitor) {
        Section section = Section.START;
        List<String> lines = InterchangeText.lines(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Section opened = switch (line.strip().toLowerCase(Locale.ROOT)) {
                case "heading" -> Section.HEADING;
                case "column" -> Section.COLUMN;
                case "data" -> Section.DATA;
                default -> null;
            };
            if (opened != null) {
                section = opened;
                visitor.line(section, true, i + 1, line);
            } else if (!line.isBlank()) {
                visitor.line(section, false, i + 1, line);
            }
        }
    }
}

package io.setkeeper.appliance.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random mixes of Fountain and CSV syntax never throw, every reported line is inside the input, and every
 * well-formed row survives next to broken ones.
 */
class HostileInputTest {
    private static final String[] FOUNTAIN_BITS = {"INT.", "EXT. ", "#", "=", "===", "/*", "*/", "[[", "]]", "^",
        "@", "!", ">", "<", ".", "(", ")", "*", "_", "\\", "\n", "\n\n", "  \n", "\r", "\t", "\uFEFF", "DANI",
        "TO:", " - ", "#5#", "Title:", "x", " "};
    private static final String[] CSV_BITS = {",", "\"", "\"\"", "\n", "\r\n", "CU", "5", "5A", "JANA;DANI", " ", "x"};

    private static String mix(Random r, String[] bits, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(bits[r.nextInt(bits.length)]);
        }
        return b.toString();
    }

    @Test
    void randomFountainNeverThrowsAndReportsLinesInRange() {
        Random r = new Random(42);
        for (int i = 0; i < 2000; i++) {
            String text = mix(r, FOUNTAIN_BITS, r.nextInt(200));
            Screenplay s = FountainParser.parse(text);
            long lines = text.chars().filter(c -> c == '\n' || c == '\r').count() + 1;
            for (ParseProblem p : s.problems()) {
                assertTrue(p.line() >= 0 && p.line() <= lines, p + " in " + lines + " lines: " + text);
            }
            for (ScriptElement e : s.elements()) {
                assertTrue(e.line() >= 1 && e.line() <= lines, e + " in " + lines + " lines");
            }
        }
    }

    @Test
    void randomShotListRowsNeverThrowAndGoodRowsSurvive() {
        Random r = new Random(7);
        for (int i = 0; i < 2000; i++) {
            String garbage = mix(r, CSV_BITS, r.nextInt(60)).replace("\r", "");
            String text = "scene,setup,shot_size,subjects\n" + garbage + "\n9,9Z,MCU,ORIN\n";
            ShotList l = ShotListReader.read(text);
            List<String> ids = l.setups().stream().map(PlannedSetup::setup).toList();
            int lastLine = (int) text.chars().filter(c -> c == '\n').count();
            boolean garbageHas9Z = garbage.contains("9Z");
            if (!garbageHas9Z) {
                assertTrue(ids.contains("9Z"), "the good last row was lost after: " + garbage);
                assertEquals(lastLine, l.setups().get(l.setups().size() - 1).line());
            }
        }
    }
}

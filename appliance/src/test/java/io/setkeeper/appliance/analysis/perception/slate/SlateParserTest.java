package io.setkeeper.appliance.analysis.perception.slate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The slate parser, the CTC decoder and the text-region finder on hand-made inputs. */
class SlateParserTest {
    private static TextLine line(String text, double cx, double cy, double w, double h, double degrees) {
        return new TextLine(new TextRegion(cx, cy, w, h, Math.toRadians(degrees), 1), text, 0.95);
    }

    private static void assertRead(SlateText t, String scene, String take, String roll) {
        assertEquals(Optional.ofNullable(scene), t.scene(), "scene of " + t);
        assertEquals(Optional.ofNullable(take), t.take(), "take of " + t);
        assertEquals(Optional.ofNullable(roll), t.roll(), "roll of " + t);
    }

    @Test
    void labelAndValueOnOneLine() {
        assertRead(SlateParser.parse(List.of(line("SCENE 5C", 100, 50, 80, 12, 0), line("TAKE 3", 100, 70, 60, 12, 0),
                line("ROLL A001", 100, 90, 80, 12, 0))), "5C", "3", "A001");
        assertRead(SlateParser.parse(List.of(line("SC 5C  TK 03", 100, 50, 120, 12, 0))), "5C", "3", null);
        assertRead(SlateParser.parse(List.of(line("Sc: 12a", 100, 50, 80, 12, 0), line("Tk#7", 100, 70, 40, 12, 0),
                line("RL B012", 100, 90, 60, 12, 0))), "12A", "7", "B012");
    }

    @Test
    void gluedLabelsMisreadLabelsAndDigitConfusions() {
        assertRead(SlateParser.parse(List.of(line("SCENE54C", 100, 50, 80, 12, 0), line("TAKE10", 100, 70, 60, 12, 0),
                line("ROLL AOO1", 100, 90, 80, 12, 0))), "54C", "10", "A001");
        assertRead(SlateParser.parse(List.of(line("SCEWE 1OB", 100, 50, 80, 12, 0), line("TAEE l2", 100, 70, 60, 12, 0),
                line("ROL BO01", 100, 90, 80, 12, 0))), "10B", "12", "B001");
        assertRead(SlateParser.parse(List.of(line("SCENE 21 D", 100, 50, 80, 12, 0), line("TAKE1 0", 100, 70, 60, 12, 0))),
                "21D", "10", null);
        assertRead(SlateParser.parse(List.of(line("ＳＣＥＮＥ：５Ｃ", 100, 50, 80, 12, 0))), "5C", null, null);
    }

    @Test
    void clapperboardHeaderRowAboveValueRow_alsoRotated() {
        for (double deg : new double[] {0, 15, -20}) {
            double c = Math.cos(Math.toRadians(deg)), s = Math.sin(Math.toRadians(deg));
            // header "ROLL SCENE TAKE" centred at (200,100); values one row (30 px) below, in three columns
            List<TextLine> lines = List.of(line("ROLL  SCENE  TAKE", 200, 100, 180, 12, deg),
                    line("A001", 200 - 60 * c - 30 * s, 100 - 60 * s + 30 * c, 40, 16, deg),
                    line("5C", 200 - 30 * s, 100 + 30 * c, 24, 16, deg),
                    line("3", 200 + 60 * c - 30 * s, 100 + 60 * s + 30 * c, 12, 16, deg));
            assertRead(SlateParser.parse(lines), "5C", "3", "A001");
        }
    }

    @Test
    void clapperHeaderReadAsOneWordIsSplitIntoItsLabels() {
        // as read from a 10 % board in a 960 px detail frame: the header row came back as one word
        assertRead(SlateParser.parse(List.of(line("ROLSCENETARE", 460, 336, 73, 12, 0), line("D027", 437, 356, 25, 12, 0),
                line("5E", 460, 355, 12, 12, 0), line("1", 484, 356, 7, 12, 0))), "5E", "1", "D027");
        assertTrue(SlateParser.splitLabels("SCREENPLAY").isEmpty());
        assertTrue(SlateParser.splitLabels("TAKETAKE").isEmpty(), "two labels of one field are no header");
    }

    @Test
    void aBadlyReadLabelInAHeaderRowIsTheMissingOne() {
        // 12 % boards: TAKE read as AKC/AICE, ROLL as AOL; values below their labels
        assertRead(SlateParser.parse(List.of(line("AOL", 440, 310, 13, 10, 0), line("SCENE", 467, 310, 26, 10, 0),
                line("AKC", 496, 310, 16, 10, 0), line("B020", 440, 335, 24, 12, 0), line("23F", 467, 335, 14, 12, 0),
                line("10", 496, 335, 10, 12, 0))), "23F", "10", "B020");
        assertRead(SlateParser.parse(List.of(line("ROLL", 633, 242, 20, 10, 0), line("SCENE", 662, 242, 26, 10, 0),
                line("AICE", 692, 242, 12, 10, 0), line("D018", 635, 265, 23, 11, 0), line("35D", 662, 265, 17, 11, 0),
                line("5", 692, 265, 6, 11, 0))), "35D", "5", "D018");
        // a lone unlabelled word with no label on its row stays a word
        assertRead(SlateParser.parse(List.of(line("AKC", 100, 50, 16, 10, 0), line("12", 100, 70, 10, 10, 0))),
                null, null, null);
    }

    @Test
    void labelAboveValueAndLabelBesideValueInSeparateBoxes() {
        assertRead(SlateParser.parse(List.of(line("SCENE", 100, 50, 50, 12, 0), line("5C", 100, 80, 30, 20, 0),
                line("TAKE", 200, 50, 40, 12, 0), line("3", 200, 80, 12, 20, 0))), "5C", "3", null);
        assertRead(SlateParser.parse(List.of(line("ROLL", 100, 50, 40, 12, 0), line("A001", 160, 51, 40, 12, 0))),
                null, null, "A001");
    }

    @Test
    void noSlateNoValues() {
        SlateText t = SlateParser.parse(List.of(line("EXIT", 100, 50, 40, 12, 0), line("42", 100, 80, 20, 12, 0),
                line("SCHOOL BUS", 100, 120, 80, 12, 0)));
        assertEquals(0, t.fields(), t.toString());
        assertEquals(0, SlateParser.parse(List.of()).fields());
    }

    @Test
    void probesLookBelowAndBesideALabelWithoutItsValue() {
        List<TextLine> lines = List.of(line("TAKE", 100, 50, 40, 12, 0));
        List<SlateParser.Probe> probes = SlateParser.probes(lines, SlateParser.parse(lines));
        assertEquals(4, probes.size());
        assertTrue(probes.stream().allMatch(p -> p.field() == SlateParser.Field.TAKE));
        assertTrue(probes.getFirst().region().cy() > 60 && Math.abs(probes.getFirst().region().cx() - 100) < 1);
        assertTrue(SlateParser.isValue(probes.getFirst(), " 4 "));
        assertTrue(!SlateParser.isValue(probes.getFirst(), "4 TAKE"));
    }

    @Test
    void ctcGreedyDecodingCollapsesRepeatsAndDropsBlanks() {
        CtcDecoder ctc = new CtcDecoder(List.of("A", "B", "1"));
        assertEquals(5, ctc.classes());
        // steps: A A blank A B space 1 1
        int[] best = {1, 1, 0, 1, 2, 4, 3, 3};
        float[] probs = new float[best.length * 5];
        for (int t = 0; t < best.length; t++) {
            probs[t * 5 + best[t]] = 0.9f;
        }
        CtcDecoder.Decoded d = ctc.decode(probs, 0, best.length);
        assertEquals("AAB 1", d.text());
        assertEquals(0.9, d.confidence(), 1e-6);
    }

    @Test
    void regionsFromAProbabilityMapAreOrientedAndUnclipped() {
        int w = 100, h = 60;
        float[] map = new float[w * h];
        for (int x = 20; x < 80; x++) { // a 60 x 6 kernel tilted by ~10 degrees
            int y0 = 30 + (int) Math.round((x - 50) * Math.tan(Math.toRadians(10)));
            for (int y = y0 - 3; y < y0 + 3; y++) {
                map[y * w + x] = 0.9f;
            }
        }
        map[5 * w + 5] = 0.9f; // a speck: below the minimum size
        List<TextRegion> regions = TextRegions.find(map, w, h, TextRegions.Settings.defaults());
        assertEquals(1, regions.size(), regions.toString());
        TextRegion r = regions.getFirst();
        assertEquals(10, Math.toDegrees(r.angle()), 1.5);
        assertTrue(r.width() > 60 && r.height() > 6 && r.height() < 20, r.toString());
        assertEquals(50, r.cx(), 1.5);
        assertEquals(30, r.cy(), 1.5);
    }
}

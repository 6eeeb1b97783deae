package io.setkeeper.appliance.bench;

import io.setkeeper.appliance.plan.FdxParser;
import io.setkeeper.appliance.plan.FountainParser;
import io.setkeeper.appliance.plan.Screenplay;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Import speed of a feature-length screenplay (generated: 150 scenes, about 120 pages), against floors measured
 * in the same run on the same text: splitting the Fountain text into trimmed lines, and a bare JDK SAX pass over
 * the FDX. Run: {@code java -cp appliance/target/classes:appliance/target/test-classes
 * io.setkeeper.appliance.bench.ScreenplayParseBenchmark}.
 */
public final class ScreenplayParseBenchmark {
    private ScreenplayParseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        StringBuilder f = new StringBuilder("Title: Benchmark\nAuthor: Setkeeper\n\n");
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<FinalDraft><Content>\n");
        for (int s = 1; s <= 150; s++) {
            f.append("INT. ROOM ").append(s).append(" - DAY #").append(s).append("#\n\n");
            x.append("<Paragraph Number=\"").append(s).append("\" Type=\"Scene Heading\"><Text>INT. ROOM ").append(s)
                    .append(" - DAY</Text></Paragraph>\n");
            for (int d = 0; d < 10; d++) {
                String who = "CHARACTER " + (char) ('A' + (s + d) % 8);
                f.append("JANA *looks* at ").append(who).append(" across the [[note]]room.\n\n");
                f.append(who).append("\n(quietly)\nA line of dialogue number ").append(d).append(".\n\n");
                x.append("<Paragraph Type=\"Action\"><Text>JANA looks at ").append(who)
                        .append(" across the room.</Text></Paragraph>\n");
                x.append("<Paragraph Type=\"Character\"><Text>").append(who).append("</Text></Paragraph>")
                        .append("<Paragraph Type=\"Parenthetical\"><Text>(quietly)</Text></Paragraph>")
                        .append("<Paragraph Type=\"Dialogue\"><Text>A line of dialogue number ").append(d)
                        .append(".</Text></Paragraph>\n");
            }
        }
        x.append("</Content></FinalDraft>\n");
        String fountain = f.toString();
        byte[] fdx = x.toString().getBytes(StandardCharsets.UTF_8);

        for (int round = 0; round < 5; round++) { // warm-up rounds, the last one is reported
            int n = 50;
            long t0 = System.nanoTime();
            long lines = 0;
            for (int i = 0; i < n; i++) {
                for (String l : fountain.split("\n", -1)) {
                    lines += l.strip().isEmpty() ? 0 : 1;
                }
            }
            long t1 = System.nanoTime();
            int scenes = 0;
            for (int i = 0; i < n; i++) {
                Screenplay sp = FountainParser.parse(fountain);
                scenes += sp.scenes().size();
            }
            long t2 = System.nanoTime();
            var sax = SAXParserFactory.newInstance();
            for (int i = 0; i < n; i++) {
                sax.newSAXParser().parse(new ByteArrayInputStream(fdx), new DefaultHandler());
            }
            long t3 = System.nanoTime();
            int fdxScenes = 0;
            for (int i = 0; i < n; i++) {
                fdxScenes += FdxParser.parse(new ByteArrayInputStream(fdx)).scenes().size();
            }
            long t4 = System.nanoTime();
            if (round == 4) {
                double lineFloor = (t1 - t0) / 1e6 / n;
                double fountainMs = (t2 - t1) / 1e6 / n;
                double saxFloor = (t3 - t2) / 1e6 / n;
                double fdxMs = (t4 - t3) / 1e6 / n;
                System.out.printf("fountain: %d chars, %d scenes/parse, %.2f ms/parse; floor (split+strip lines, "
                        + "%d lines) %.2f ms; ratio %.1fx%n", fountain.length(), scenes / n, fountainMs,
                        lines / n, lineFloor, fountainMs / lineFloor);
                System.out.printf("fdx: %d bytes, %d scenes/parse, %.2f ms/parse; floor (bare SAX) %.2f ms; "
                        + "ratio %.1fx%n", fdx.length, fdxScenes / n, fdxMs, saxFloor, fdxMs / saxFloor);
            }
        }
    }
}

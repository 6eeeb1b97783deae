package io.setkeeper.appliance.analysis.perception.slate;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.analysis.perception.Perception;
import io.setkeeper.appliance.analysis.perception.TestPerception;
import io.setkeeper.appliance.media.FrameSource;
import io.setkeeper.appliance.media.FrameWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Diagnostic: what the detector, recogniser, probes and parser make of each board of {@link SlateDetailDataTest}
 * (drawn at full resolution, written as a clip, decoded to the 960 px detail frame as the pipeline does).
 * Run: {@code java @args ...SlateProbe '<regex on "size LAYOUT angle", e.g. "(8|10) CLAPPER.*">' [png prefix]};
 * {@code -Dside2=N} also detects at N px and prints the probability map's response inside the board.
 */
public final class SlateProbe {
    public static void main(String[] args) throws Exception {
        String only = args.length > 0 ? args[0] : "";
        var registry = io.setkeeper.appliance.analysis.perception.PerceptionModels.registerAll(
                new io.setkeeper.appliance.inference.ModelRegistry(), io.setkeeper.appliance.TestData.file("models"));
        var engine = new io.setkeeper.appliance.inference.InferenceEngine(registry,
                io.setkeeper.appliance.inference.InferenceConfig.cpu(2));
        int side2 = Integer.getInteger("side2", 0);
        TextDetector big = side2 == 0 ? null : new TextDetector(engine.open(
                io.setkeeper.appliance.analysis.perception.PerceptionModels.TEXT_DETECTOR), side2, TextRegions.Settings.defaults());
        try (Perception p = TestPerception.open()) {
            Path dir = Files.createTempDirectory("slateprobe");
            java.util.Map<String, Frame> bgs = new java.util.HashMap<>();
            for (SlateDetailDataTest.Board b : SlateDetailDataTest.boards()) {
                String key = String.format("%.0f %s %+.0f", b.size() * 100, b.layout(), b.angle());
                if (!key.matches(only)) {
                    continue;
                }
                Frame bg = bgs.computeIfAbsent(b.clip(), c -> SlateDetailDataTest.fullFrame(
                        io.setkeeper.appliance.TestData.file(c), 0));
                Frame f = SlateRenderer.draw(bg, b.layout(), b.scene(), b.take(), b.roll(), b.size(), b.angle(), b.cx(), b.cy());
                Path file = dir.resolve("b.mov");
                FrameWriter.writeProres(file, List.of(f), 2);
                List<Frame> detail = new ArrayList<>();
                FrameSource.decode(file, FrameSource.Options.defaults(), new FrameSource.Sink() {
                    public void start(FrameSource.Info i) { }
                    public FrameSource.Want want(long i, long pts) { return FrameSource.Want.DETAIL; }
                    public void frame(io.setkeeper.appliance.analysis.Decoded d, long i) { detail.add(d.detail()); }
                });
                Frame d = detail.getFirst();
                if (args.length > 1) {
                    javax.imageio.ImageIO.write(toImage(d), "png", Path.of(args[1] + key.replace(' ', '_') + ".png").toFile());
                }
                System.out.println("== " + key + " " + b.scene() + "/" + b.take() + "/" + b.roll() + " " + d.width() + "x" + d.height());
                SlateReader r = p.slates();
                for (TextLine l : r.lines(d)) {
                    System.out.printf("   line %-20s conf %.2f at %.0f,%.0f %.0fx%.0f a=%.2f s=%.2f%n", "'" + l.text() + "'",
                            l.confidence(), l.region().cx(), l.region().cy(), l.region().width(), l.region().height(),
                            l.region().angle(), l.region().score());
                }
                if (big != null) {
                    var m = big.map(d);
                    double bx = b.cx() * d.width(), by = b.cy() * d.height(), hh = b.size() * d.height() * 0.8;
                    float max = 0; int n1 = 0, n2 = 0, n3 = 0;
                    for (int v = 0; v < m.height(); v++) for (int u = 0; u < m.width(); u++) {
                        double fx = m.x0() + u * m.sx(), fy = m.y0() + v * m.sy();
                        if (Math.abs(fx - bx) < hh * 1.3 && Math.abs(fy - by) < hh) {
                            float q = m.data()[v * m.width() + u]; max = Math.max(max, q);
                            if (q > 0.1) n1++; if (q > 0.2) n2++; if (q > 0.3) n3++;
                        }
                    }
                    System.out.printf("   map@%d in board: max %.2f, >0.1 %d, >0.2 %d, >0.3 %d%n", m.width(), max, n1, n2, n3);
                    for (TextRegion g : big.detect(d)) {
                        System.out.printf("   big  at %.0f,%.0f %.0fx%.0f s=%.2f%n", g.cx(), g.cy(), g.width(), g.height(), g.score());
                    }
                }
                var ls = r.lines(d);
                for (SlateParser.Probe pr : SlateParser.probes(ls, SlateParser.parse(ls))) {
                    TextLine l = r.recognizer().read(d, pr.region());
                    System.out.printf("   probe %s at %.0f,%.0f %.0fx%.0f: '%s' %.2f%n", pr.field(), pr.region().cx(),
                            pr.region().cy(), pr.region().width(), pr.region().height(), l.text(), l.confidence());
                }
                SlateText t = r.read(d);
                System.out.printf("   read %s (confidence %.2f)%n", b.describe(t), t.confidence());
            }
        }
    }

    static java.awt.image.BufferedImage toImage(Frame f) {
        var img = new java.awt.image.BufferedImage(f.width(), f.height(), java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
        System.arraycopy(f.bgr(), 0, ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData(), 0, f.bgr().length);
        return img;
    }
}

package io.setkeeper.appliance.model;

import io.setkeeper.appliance.TestData;
import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.analysis.perception.FramePerception;
import io.setkeeper.appliance.analysis.perception.Perception;
import io.setkeeper.appliance.analysis.perception.PerceptionModels;
import io.setkeeper.appliance.inference.InferenceConfig;
import io.setkeeper.appliance.inference.InferenceEngine;
import io.setkeeper.appliance.inference.ModelRegistry;
import io.setkeeper.appliance.media.FrameSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-only: the asl takes in ALE order with their slate setup, the performer the shot list names, and their
 * features computed once through real perception (frames decoded by the product's FrameSource).
 */
final class AslTakes {
    /** One take: clip file, scene, slate setup, the performer (ground truth from the shot list), features. */
    record Take(String clip, String scene, String setup, String performer, ClipFeatures features) {
    }

    private static List<Take> takes;

    private AslTakes() {
    }

    static synchronized List<Take> all() throws Exception {
        if (takes != null) {
            return takes;
        }
        ModelRegistry registry = PerceptionModels.registerAll(new ModelRegistry(), TestData.file("models"));
        List<Take> out = new ArrayList<>();
        try (Perception perception = Perception.open(new InferenceEngine(registry, InferenceConfig.cpu(2)))) {
            for (Take t : labelled()) {
                List<Frame> frames = sample(TestData.file("footage/asl/" + t.clip()), 5, 60);
                List<FramePerception> seen = frames.stream().map(perception::perceive).toList();
                out.add(new Take(t.clip(), t.scene(), t.setup(), t.performer(),
                        FeatureExtractor.extract(t.clip(), t.scene(), t.setup(), frames, seen)));
            }
        }
        takes = List.copyOf(out);
        return takes;
    }

    /** The takes in ALE order with scene, setup and performer, without features (null). */
    static List<Take> labelled() throws IOException {
        Map<String, String> subjectBySetup = new HashMap<>();
        List<String> shots = Files.readAllLines(TestData.file("production/shotlist.csv"));
        for (String line : shots.subList(1, shots.size())) {
            String[] f = line.split(",", -1);
            subjectBySetup.put(f[1], f[3]);
        }
        List<String> ale = Files.readAllLines(TestData.file("production/A001.ale"));
        List<String> columns = List.of(ale.get(ale.indexOf("Column") + 1).split("\t"));
        int sceneCol = columns.indexOf("Scene"), source = columns.indexOf("Source File");
        Map<String, String> setupByClip = new LinkedHashMap<>();
        for (String line : ale.subList(ale.indexOf("Data") + 1, ale.size())) {
            if (!line.isBlank()) {
                String[] f = line.split("\t", -1);
                setupByClip.put(f[source], f[sceneCol]);
            }
        }
        List<Take> out = new ArrayList<>();
        for (Map.Entry<String, String> e : setupByClip.entrySet()) {
            String setup = e.getValue();
            out.add(new Take(e.getKey(), setup.replaceAll("[A-Z]+$", ""), setup, subjectBySetup.get(setup), null));
        }
        return out;
    }

    /** Frames sampled at {@code fps}, at most {@code max}, decoded by the product's decoder at their own size. */
    static List<Frame> sample(Path clip, double fps, int max) throws IOException {
        List<Frame> frames = new ArrayList<>();
        long step = Math.round(1e6 / fps);
        long[] next = {Long.MIN_VALUE};
        FrameSource.Outcome outcome = FrameSource.decode(clip, new FrameSource.Options(4096, FrameSource.Hardware.SOFTWARE, 0),
                new FrameSource.Sink() {
                    @Override
                    public void start(FrameSource.Info info) {
                    }

                    @Override
                    public void frame(io.setkeeper.appliance.analysis.Decoded decoded, long index) {
                        Frame frame = decoded.requireColour();
                        if (next[0] == Long.MIN_VALUE) {
                            next[0] = frame.ptsMicros();
                        }
                        if (frame.ptsMicros() >= next[0]) {
                            frames.add(frame);
                            next[0] += step;
                        }
                    }

                    @Override
                    public boolean wantsMore() {
                        return frames.size() < max;
                    }
                });
        if (outcome instanceof FrameSource.Outcome.Failed f) {
            throw new IOException("cannot decode " + clip + ": " + f.reason());
        }
        return frames;
    }
}

package io.setkeeper.appliance.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The full learner state of a {@link ProductionModel} as bytes (state.bin of a version): running sums, calibration,
 * clip features (needed to apply later corrections in O(1)), pins and corrections. Big-endian, versioned.
 * Format 3 keeps each setup's baseline as its takes' numbers (clip, sharpness, exposure, noise), fitted robustly when
 * asked; formats 1 and 2 kept running mean/variance sums, which are dropped on reading and rebuilt from the learned
 * clips' features (the same numbers, so an old version opens with the robust baseline).
 */
final class ModelCodec {
    private static final int MAGIC = 0x534B504D; // SKPM
    static final int FORMAT = 3;

    private ModelCodec() {
    }

    static byte[] write(ProductionModel m) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(m.production);
            strings(out, new ArrayList<>(m.cast));
            CharacterModel c = m.characters;
            out.writeInt(c.nextId);
            running(out, c.same);
            running(out, c.different);
            running(out, c.wardrobeSame);
            running(out, c.wardrobeDifferent);
            out.writeInt(c.clusters.size());
            for (CharacterModel.Cluster k : c.clusters.values()) {
                out.writeInt(k.id);
                nullable(out, k.name);
                out.writeLong(k.n);
                out.writeLong(k.wardrobeN);
                doubles(out, k.sum);
                doubles(out, k.wardrobe);
                out.writeInt(k.scenes.size());
                for (Map.Entry<String, double[]> e : k.scenes.entrySet()) {
                    out.writeUTF(e.getKey());
                    doubles(out, e.getValue());
                }
            }
            intMap(out, c.assigned);
            stringMap(out, c.pinned);
            SetupModel s = m.setups;
            for (Running r : s.dims) {
                running(out, r);
            }
            out.writeInt(s.setups.size());
            for (Map.Entry<String, SetupModel.Proto> e : s.setups.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeLong(e.getValue().bgN);
                out.writeLong(e.getValue().frN);
                doubles(out, e.getValue().bgSum);
                doubles(out, e.getValue().frSum);
            }
            out.writeInt(m.references.looks.size());
            for (Map.Entry<String, References.LookSums> e : m.references.looks.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeLong(e.getValue().n);
                doubles(out, e.getValue().mean);
                doubles(out, e.getValue().cov);
                doubles(out, e.getValue().outer);
            }
            out.writeInt(m.references.baselines.size());
            for (Map.Entry<String, References.BaselineTakes> e : m.references.baselines.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().takes.size());
                for (Map.Entry<String, ClipFeatures.Picture> t : e.getValue().takes.entrySet()) {
                    out.writeUTF(t.getKey());
                    out.writeDouble(t.getValue().sharpness());
                    out.writeDouble(t.getValue().exposure());
                    out.writeDouble(t.getValue().noise());
                }
            }
            out.writeInt(m.learned.size());
            for (ClipFeatures f : m.learned.values()) {
                features(out, f);
            }
            stringMap(out, m.pinnedSetup);
            out.writeInt(m.corrections.size());
            for (Correction k : m.corrections) {
                out.writeUTF(k.kind().name());
                out.writeUTF(k.clip());
                out.writeInt(k.person());
                out.writeUTF(k.value());
                out.writeUTF(k.by());
                out.writeLong(k.at().toEpochMilli());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static ProductionModel read(byte[] bytes, Clock clock) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        int format;
        if (in.readInt() != MAGIC || (format = in.readInt()) < 1 || format > FORMAT) {
            throw new IOException("not a Setkeeper model state (formats 1.." + FORMAT + ")");
        }
        String production = in.readUTF();
        Set<String> cast = new LinkedHashSet<>(readStrings(in));
        ProductionModel m = new ProductionModel(production, cast, clock);
        CharacterModel c = m.characters;
        c.nextId = in.readInt();
        readRunning(in, c.same);
        readRunning(in, c.different);
        if (format >= 2) {
            readRunning(in, c.wardrobeSame);
            readRunning(in, c.wardrobeDifferent);
        }
        for (int i = in.readInt(); i > 0; i--) {
            CharacterModel.Cluster k = new CharacterModel.Cluster(in.readInt());
            k.name = readNullable(in);
            k.n = in.readLong();
            k.wardrobeN = in.readLong();
            readDoubles(in, k.sum);
            readDoubles(in, k.wardrobe);
            for (int j = format >= 2 ? in.readInt() : 0; j > 0; j--) {
                double[] v = new double[4];
                String scene = in.readUTF();
                readDoubles(in, v);
                k.scenes.put(scene, v);
            }
            c.clusters.put(k.id, k);
        }
        for (int i = in.readInt(); i > 0; i--) {
            c.assigned.put(in.readUTF(), in.readInt());
        }
        readStringMap(in, c.pinned);
        SetupModel s = m.setups;
        for (Running r : s.dims) {
            readRunning(in, r);
        }
        for (int i = in.readInt(); i > 0; i--) {
            SetupModel.Proto p = new SetupModel.Proto();
            String name = in.readUTF();
            p.bgN = in.readLong();
            p.frN = in.readLong();
            readDoubles(in, p.bgSum);
            readDoubles(in, p.frSum);
            s.setups.put(name, p);
        }
        for (int i = in.readInt(); i > 0; i--) {
            References.LookSums l = new References.LookSums();
            String key = in.readUTF();
            l.n = in.readLong();
            readDoubles(in, l.mean);
            readDoubles(in, l.cov);
            readDoubles(in, l.outer);
            m.references.looks.put(key, l);
        }
        for (int i = in.readInt(); i > 0; i--) {
            String key = in.readUTF();
            if (format < 3) {
                readRunning(in, new Running()); // sharpness, exposure, noise sums: rebuilt from the learned clips below
                readRunning(in, new Running());
                readRunning(in, new Running());
                continue;
            }
            References.BaselineTakes b = new References.BaselineTakes();
            for (int j = in.readInt(); j > 0; j--) {
                b.add(in.readUTF(), new ClipFeatures.Picture(in.readDouble(), in.readDouble(), in.readDouble()), 1);
            }
            m.references.baselines.put(key, b);
        }
        for (int i = in.readInt(); i > 0; i--) {
            ClipFeatures f = readFeatures(in);
            m.learned.put(f.clip(), f);
        }
        readStringMap(in, m.pinnedSetup);
        if (format < 3) {
            for (ClipFeatures f : m.learned.values()) {
                m.references.addTakes(f, m.pinnedSetup.getOrDefault(f.clip(), f.setup()), 1);
            }
        }
        for (int i = in.readInt(); i > 0; i--) {
            m.corrections.add(new Correction(Correction.Kind.valueOf(in.readUTF()), in.readUTF(), in.readInt(),
                    in.readUTF(), in.readUTF(), Instant.ofEpochMilli(in.readLong())));
        }
        return m;
    }

    static void features(DataOutputStream out, ClipFeatures f) throws IOException {
        out.writeUTF(f.clip());
        nullable(out, f.scene());
        nullable(out, f.setup());
        out.writeInt(f.people().size());
        for (ClipFeatures.Person p : f.people()) {
            floats(out, p.embedding());
            floats(out, p.wardrobe());
            out.writeFloat(p.centerX());
            out.writeFloat(p.centerY());
            out.writeFloat(p.width());
            out.writeInt(p.observations());
        }
        floats(out, f.background());
        floats(out, f.framing());
        doubles(out, f.look().mean());
        doubles(out, f.look().covariance());
        out.writeLong(f.look().pixels());
        out.writeDouble(f.picture().sharpness());
        out.writeDouble(f.picture().exposure());
        out.writeDouble(f.picture().noise());
        out.writeInt(f.frames());
    }

    static ClipFeatures readFeatures(DataInputStream in) throws IOException {
        String clip = in.readUTF();
        String scene = readNullable(in);
        String setup = readNullable(in);
        List<ClipFeatures.Person> people = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            people.add(new ClipFeatures.Person(readFloats(in), readFloats(in), in.readFloat(), in.readFloat(),
                    in.readFloat(), in.readInt()));
        }
        float[] bg = readFloats(in);
        float[] fr = readFloats(in);
        double[] mean = new double[3];
        double[] cov = new double[9];
        readDoubles(in, mean);
        readDoubles(in, cov);
        ClipFeatures.Look look = new ClipFeatures.Look(mean, cov, in.readLong());
        ClipFeatures.Picture pic = new ClipFeatures.Picture(in.readDouble(), in.readDouble(), in.readDouble());
        return new ClipFeatures(clip, scene, setup, people, bg, fr, look, pic, in.readInt());
    }

    private static void running(DataOutputStream out, Running r) throws IOException {
        out.writeLong(r.n());
        out.writeDouble(r.mean());
        out.writeDouble(r.m2());
    }

    private static void readRunning(DataInputStream in, Running r) throws IOException {
        r.load(in.readLong(), in.readDouble(), in.readDouble());
    }

    private static void doubles(DataOutputStream out, double[] v) throws IOException {
        for (double d : v) {
            out.writeDouble(d);
        }
    }

    private static void readDoubles(DataInputStream in, double[] v) throws IOException {
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readDouble();
        }
    }

    private static void floats(DataOutputStream out, float[] v) throws IOException {
        out.writeInt(v == null ? -1 : v.length);
        if (v != null) {
            for (float f : v) {
                out.writeFloat(f);
            }
        }
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        if (n > 1 << 20) {
            throw new IOException("implausible vector length " + n);
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.readFloat();
        }
        return v;
    }

    private static void nullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void strings(DataOutputStream out, List<String> v) throws IOException {
        out.writeInt(v.size());
        for (String s : v) {
            out.writeUTF(s);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        List<String> out = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            out.add(in.readUTF());
        }
        return out;
    }

    private static void intMap(DataOutputStream out, Map<String, Integer> m) throws IOException {
        out.writeInt(m.size());
        for (Map.Entry<String, Integer> e : m.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue());
        }
    }

    private static void stringMap(DataOutputStream out, Map<String, String> m) throws IOException {
        out.writeInt(m.size());
        for (Map.Entry<String, String> e : m.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
    }

    private static void readStringMap(DataInputStream in, Map<String, String> m) throws IOException {
        for (int i = in.readInt(); i > 0; i--) {
            m.put(in.readUTF(), in.readUTF());
        }
    }
}

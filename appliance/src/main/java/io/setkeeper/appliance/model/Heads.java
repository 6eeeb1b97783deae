package io.setkeeper.appliance.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The learned heads of a model as plain matrices: characters (L2-normalised prototypes; score = cosine) and setups
 * (standardised prototypes; score = 2 p.x' - |p|^2, which ranks like minus the distance). {@link #setupWeights} and
 * {@link #setupBias} fold the standardisation into one linear layer over the raw descriptor: that is what the ONNX
 * export runs, while {@link #setupScores} computes the same in the standardised space, in process.
 */
public record Heads(List<String> characters, float[][] prototypes, double characterThreshold,
                    List<String> setups, double[][] setupPrototypes, double[] mean, double[] sd,
                    float[][] setupWeights, float[] setupBias, double characterScale, double[][] wardrobes,
                    WardrobeCue.Calibration wardrobeCalibration) {

    static Heads of(ProductionModel m) {
        List<String> names = new ArrayList<>();
        List<float[]> protos = new ArrayList<>();
        List<double[]> wardrobes = new ArrayList<>();
        for (CharacterModel.Cluster c : m.characters.namedClusters()) {
            names.add(c.name);
            protos.add(c.prototype());
            wardrobes.add(c.wardrobeMean());
        }
        SetupModel s = m.setups;
        int d = SetupModel.DIMS;
        double[] mean = new double[d];
        double[] sd = new double[d];
        double[] scales = s.scales();
        for (int i = 0; i < d; i++) {
            mean[i] = s.dims[i].mean();
            sd[i] = scales[i];
        }
        List<String> labels = new ArrayList<>(s.setups.keySet());
        double[][] sp = new double[labels.size()][];
        float[][] w = new float[d][labels.size()];
        float[] b = new float[labels.size()];
        for (int j = 0; j < labels.size(); j++) {
            sp[j] = s.prototype(s.setups.get(labels.get(j)), null, null, scales);
            double bias = 0;
            for (int i = 0; i < d; i++) {
                w[i][j] = (float) (2 * sp[j][i] / sd[i]);
                bias -= 2 * sp[j][i] * mean[i] / sd[i] + sp[j][i] * sp[j][i];
            }
            b[j] = (float) bias;
        }
        return new Heads(List.copyOf(names), protos.toArray(new float[0][]), m.characters.threshold(),
                List.copyOf(labels), sp, mean, sd, w, b, m.characters.scale(), wardrobes.toArray(new double[0][]),
                m.characters.wardrobeCalibration());
    }

    /** The raw setup descriptor of a clip (background then framing; missing framing = the production's mean). */
    public float[] setupInput(ClipFeatures f) {
        int b = FeatureExtractor.BACKGROUND_DIMS;
        float[] x = new float[mean.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i < b ? f.background()[i] : f.framing() != null ? f.framing()[i - b] : (float) mean[i];
        }
        return x;
    }

    /** Cosine of an L2-normalised embedding to each character prototype. */
    public double[] characterScores(float[] embedding) {
        double[] out = new double[prototypes.length];
        for (int j = 0; j < prototypes.length; j++) {
            double dot = 0;
            for (int i = 0; i < embedding.length; i++) {
                dot += prototypes[j][i] * embedding[i];
            }
            out[j] = dot;
        }
        return out;
    }

    /**
     * The character label from the ONNX outputs (best index and its cosine score) and the person's wardrobe, face
     * width and observations, by the same rule as the in-process model ({@link WardrobeCue}); null = unknown.
     */
    public String characterLabel(int index, double score, ClipFeatures.Person p) {
        double[] w = wardrobes[index];
        double deltaE = p.wardrobe() != null && w != null ? WardrobeCue.deltaE(p.wardrobe(), w) : Double.NaN;
        return WardrobeCue.evidence(score, characterThreshold, characterScale, deltaE, p.width(), p.observations(),
                wardrobeCalibration) >= 0 ? characters.get(index) : null;
    }

    /** 2 p.x' - |p|^2 per setup in the standardised space (= |x'|^2 - distance^2). */
    public double[] setupScores(float[] x) {
        double[] out = new double[setupPrototypes.length];
        for (int j = 0; j < out.length; j++) {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                double xs = (x[i] - mean[i]) / sd[i];
                s += 2 * setupPrototypes[j][i] * xs - setupPrototypes[j][i] * setupPrototypes[j][i];
            }
            out[j] = s;
        }
        return out;
    }

    static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}

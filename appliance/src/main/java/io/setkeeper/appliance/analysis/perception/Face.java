package io.setkeeper.appliance.analysis.perception;

/**
 * One face in one frame: its box, 68 landmarks as x0,y0,...,x67,y67 in frame pixels, head pose and an
 * L2-normalised 512-d identity embedding (compare with {@link #cosine}).
 */
public record Face(Box box, float[] landmarks, HeadPose pose, float[] embedding) {
    /** Cosine similarity of two L2-normalised embeddings, in [-1, 1]. */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("embedding sizes differ: " + a.length + " vs " + b.length);
        }
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}

package io.setkeeper.appliance.analysis.perception;

/**
 * Least-squares 2-D similarity transform (rotation, uniform scale, translation; no reflection) between point
 * sets, as used to align a face's five landmarks to the embedding model's reference points.
 */
public final class Similarity {
    private Similarity() {
    }

    /**
     * Estimates the similarity mapping src points onto dst points in the least-squares sense.
     *
     * @param src x0,y0,x1,y1,... (at least two distinct points)
     * @param dst same length as src
     */
    public static Affine estimate(double[] src, double[] dst) {
        if (src.length != dst.length || src.length < 4 || src.length % 2 != 0) {
            throw new IllegalArgumentException("need matching point lists of >= 2 points, got " + src.length + " and " + dst.length);
        }
        int n = src.length / 2;
        double msx = 0, msy = 0, mdx = 0, mdy = 0;
        for (int i = 0; i < n; i++) {
            msx += src[2 * i];
            msy += src[2 * i + 1];
            mdx += dst[2 * i];
            mdy += dst[2 * i + 1];
        }
        msx /= n;
        msy /= n;
        mdx /= n;
        mdy /= n;
        double dot = 0, cross = 0, norm = 0;
        for (int i = 0; i < n; i++) {
            double sx = src[2 * i] - msx, sy = src[2 * i + 1] - msy;
            double dx = dst[2 * i] - mdx, dy = dst[2 * i + 1] - mdy;
            dot += sx * dx + sy * dy;
            cross += sx * dy - sy * dx;
            norm += sx * sx + sy * sy;
        }
        if (norm < 1e-12) {
            throw new IllegalArgumentException("source points coincide; no similarity transform");
        }
        double a = dot / norm;
        double b = cross / norm;
        return new Affine(a, -b, mdx - (a * msx - b * msy), b, a, mdy - (b * msx + a * msy));
    }
}

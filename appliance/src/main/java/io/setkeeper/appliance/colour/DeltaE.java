package io.setkeeper.appliance.colour;

/** The CIEDE2000 colour difference of two CIELAB colours (kL = kC = kH = 1; Sharma, Wu and Dalal 2005). Pure. */
public final class DeltaE {
    private DeltaE() {
    }

    public static double ciede2000(double l1, double a1, double b1, double l2, double a2, double b2) {
        double c1 = Math.hypot(a1, b1), c2 = Math.hypot(a2, b2);
        double cMean = (c1 + c2) / 2;
        double c7 = Math.pow(cMean, 7);
        double g = 0.5 * (1 - Math.sqrt(c7 / (c7 + Math.pow(25, 7))));
        double a1p = (1 + g) * a1, a2p = (1 + g) * a2;
        double c1p = Math.hypot(a1p, b1), c2p = Math.hypot(a2p, b2);
        double h1p = hue(b1, a1p), h2p = hue(b2, a2p);
        double dL = l2 - l1, dC = c2p - c1p;
        double dh;
        if (c1p * c2p == 0) {
            dh = 0;
        } else if (Math.abs(h2p - h1p) <= 180) {
            dh = h2p - h1p;
        } else {
            dh = h2p - h1p > 180 ? h2p - h1p - 360 : h2p - h1p + 360;
        }
        double dH = 2 * Math.sqrt(c1p * c2p) * Math.sin(Math.toRadians(dh / 2));
        double lMean = (l1 + l2) / 2, cpMean = (c1p + c2p) / 2;
        double hMean;
        if (c1p * c2p == 0) {
            hMean = h1p + h2p;
        } else if (Math.abs(h1p - h2p) <= 180) {
            hMean = (h1p + h2p) / 2;
        } else {
            hMean = h1p + h2p < 360 ? (h1p + h2p + 360) / 2 : (h1p + h2p - 360) / 2;
        }
        double t = 1 - 0.17 * Math.cos(Math.toRadians(hMean - 30)) + 0.24 * Math.cos(Math.toRadians(2 * hMean))
                + 0.32 * Math.cos(Math.toRadians(3 * hMean + 6)) - 0.20 * Math.cos(Math.toRadians(4 * hMean - 63));
        double dTheta = 30 * Math.exp(-Math.pow((hMean - 275) / 25, 2));
        double cp7 = Math.pow(cpMean, 7);
        double rc = 2 * Math.sqrt(cp7 / (cp7 + Math.pow(25, 7)));
        double sl = 1 + 0.015 * Math.pow(lMean - 50, 2) / Math.sqrt(20 + Math.pow(lMean - 50, 2));
        double sc = 1 + 0.045 * cpMean;
        double sh = 1 + 0.015 * cpMean * t;
        double rt = -Math.sin(Math.toRadians(2 * dTheta)) * rc;
        double x = dL / sl, y = dC / sc, z = dH / sh;
        return Math.sqrt(x * x + y * y + z * z + rt * y * z);
    }

    /** CIEDE2000 of two {L, a, b} arrays. */
    public static double ciede2000(float[] p, float[] q) {
        return ciede2000(p[0], p[1], p[2], q[0], q[1], q[2]);
    }

    /** CIEDE2000 of two {L, a, b} arrays. */
    public static double ciede2000(double[] p, double[] q) {
        return ciede2000(p[0], p[1], p[2], q[0], q[1], q[2]);
    }

    private static double hue(double b, double a) {
        if (a == 0 && b == 0) {
            return 0;
        }
        double h = Math.toDegrees(Math.atan2(b, a));
        return h < 0 ? h + 360 : h;
    }
}

package io.setkeeper.appliance.fixes;

import java.util.function.Function;

/**
 * A small Levenberg-Marquardt solver for a few parameters: minimises the sum of squared residuals with a
 * forward-difference Jacobian. Pure; enough for the ten numbers of a CDL.
 */
public final class LeastSquares {
    /** The parameters found, the final cost (sum of squares) and the iterations used. */
    public record Solution(double[] x, double cost, int iterations) {
    }

    private LeastSquares() {
    }

    public static Solution minimise(Function<double[], double[]> residuals, double[] start, int maxIterations) {
        double[] x = start.clone();
        double[] r = residuals.apply(x);
        double cost = sq(r);
        double lambda = 1e-3;
        int n = x.length;
        int it = 0;
        for (; it < maxIterations; it++) {
            double[][] j = new double[r.length][n];
            for (int k = 0; k < n; k++) {
                double h = 1e-5 * Math.max(1, Math.abs(x[k]));
                double[] xk = x.clone();
                xk[k] += h;
                double[] rk = residuals.apply(xk);
                for (int i = 0; i < r.length; i++) {
                    j[i][k] = (rk[i] - r[i]) / h;
                }
            }
            double[][] jtj = new double[n][n];
            double[] jtr = new double[n];
            for (int i = 0; i < r.length; i++) {
                for (int a = 0; a < n; a++) {
                    jtr[a] += j[i][a] * r[i];
                    for (int b = 0; b < n; b++) {
                        jtj[a][b] += j[i][a] * j[i][b];
                    }
                }
            }
            boolean improved = false;
            while (lambda < 1e8) {
                double[][] m = new double[n][n];
                for (int a = 0; a < n; a++) {
                    m[a] = jtj[a].clone();
                    m[a][a] += lambda * (jtj[a][a] + 1e-9);
                }
                double[] step = solve(m, negate(jtr));
                double[] trial = x.clone();
                for (int a = 0; a < n; a++) {
                    trial[a] += step[a];
                }
                double[] rt = residuals.apply(trial);
                double c = sq(rt);
                if (Double.isFinite(c) && c < cost) {
                    boolean converged = cost - c < 1e-7 * cost;
                    x = trial;
                    r = rt;
                    cost = c;
                    lambda = Math.max(1e-9, lambda / 4);
                    improved = !converged;
                    break;
                }
                lambda *= 8;
            }
            if (!improved) {
                break;
            }
        }
        return new Solution(x, cost, it);
    }

    private static double sq(double[] r) {
        double s = 0;
        for (double v : r) {
            s += v * v;
        }
        return s;
    }

    private static double[] negate(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = -v[i];
        }
        return out;
    }

    /** Gaussian elimination with partial pivoting; a singular system gives a zero step. */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = java.util.Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int i = c + 1; i < n; i++) {
                if (Math.abs(m[i][c]) > Math.abs(m[p][c])) {
                    p = i;
                }
            }
            if (Math.abs(m[p][c]) < 1e-300) {
                return new double[n];
            }
            double[] t = m[c];
            m[c] = m[p];
            m[p] = t;
            for (int i = c + 1; i < n; i++) {
                double f = m[i][c] / m[c][c];
                for (int k = c; k <= n; k++) {
                    m[i][k] -= f * m[c][k];
                }
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = m[i][n];
            for (int k = i + 1; k < n; k++) {
                s -= m[i][k] * x[k];
            }
            x[i] = s / m[i][i];
        }
        return x;
    }
}

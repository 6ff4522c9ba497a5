package dev.pageevents.pipeline.soak;

import java.util.List;

/**
 * A least-squares line through (x, y) points: the slope (y per x), and R² (how much of the spread
 * the line explains; near 0 means no trend, only noise).
 */
public record Trend(double slope, double intercept, double r2, int points) {

  /** Fits the line; needs at least two points with different x. */
  public static Trend fit(List<double[]> points) {
    int n = points.size();
    if (n < 2) {
      throw new IllegalArgumentException("A trend needs at least 2 points, got " + n);
    }
    double sx = 0;
    double sy = 0;
    for (double[] p : points) {
      sx += p[0];
      sy += p[1];
    }
    double mx = sx / n;
    double my = sy / n;
    double sxx = 0;
    double sxy = 0;
    double syy = 0;
    for (double[] p : points) {
      sxx += (p[0] - mx) * (p[0] - mx);
      sxy += (p[0] - mx) * (p[1] - my);
      syy += (p[1] - my) * (p[1] - my);
    }
    if (sxx == 0) {
      throw new IllegalArgumentException("A trend needs points at different x");
    }
    double slope = sxy / sxx;
    double r2 = syy == 0 ? 0 : (sxy * sxy) / (sxx * syy);
    return new Trend(slope, my - slope * mx, r2, n);
  }

  /** The line's value at x. */
  public double at(double x) {
    return intercept + slope * x;
  }
}

package dev.shifter.metafeatures.extra.internal;

import dev.shifter.api.InvalidInputException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Eigen-decomposition of a small real symmetric matrix on the host, by cyclic Jacobi rotations in double
 * precision. DJL's NDArray API has no eigen solver, so the eigenvectors are found here, without a graph,
 * and the eigenvalues are then recomputed as Rayleigh quotients {@code v' C v} with NDArray operations:
 * for a simple eigenvalue that quotient has exactly the eigenvalue's gradient {@code v v'} (first-order
 * perturbation theory), so no derivative of the solver is needed.
 */
public final class SymmetricEigen {
  private static final int MAX_SWEEPS = 100;

  private final double[] values;
  private final double[] vectors;

  private SymmetricEigen(double[] values, double[] vectors) {
    this.values = values;
    this.vectors = vectors;
  }

  /**
   * Returns the eigenvalues.
   *
   * @return a copy of the eigenvalues, sorted descending
   */
  public double[] values() {
    return values.clone();
  }

  /**
   * Returns the eigenvectors.
   *
   * @return a copy of the {@code d x d} row-major matrix whose column {@code k} is the unit eigenvector
   *     of the {@code k}-th eigenvalue
   */
  public double[] vectors() {
    return vectors.clone();
  }

  /**
   * Decomposes a symmetric matrix; its lower and upper triangles are averaged first.
   *
   * @param matrix a {@code d x d} matrix, row-major
   * @param d its order
   * @return the eigenvalues, descending, and the eigenvectors
   * @throws InvalidInputException if an entry is NaN or infinite
   */
  public static SymmetricEigen of(double[] matrix, int d) {
    double[][] a = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double value = 0.5 * (matrix[i * d + j] + matrix[j * d + i]);
        if (!Double.isFinite(value)) {
          throw new InvalidInputException("The covariance matrix has a NaN or infinite entry at (" + i + ", " + j
              + "). Remove or impute missing and non-finite values before computing eigenvalues.");
        }
        a[i][j] = value;
      }
    }
    double[][] v = new double[d][d];
    for (int i = 0; i < d; i++) {
      v[i][i] = 1.0;
    }
    for (int sweep = 0; sweep < MAX_SWEEPS && !converged(a); sweep++) {
      for (int p = 0; p < d - 1; p++) {
        for (int q = p + 1; q < d; q++) {
          rotate(a, v, p, q);
        }
      }
    }
    Integer[] order = IntStream.range(0, d).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer k) -> a[k][k]).reversed());
    double[] values = new double[d];
    double[] vectors = new double[d * d];
    for (int k = 0; k < d; k++) {
      int source = order[k];
      values[k] = a[source][source];
      for (int i = 0; i < d; i++) {
        vectors[i * d + k] = v[i][source];
      }
    }
    return new SymmetricEigen(values, vectors);
  }

  private static boolean converged(double[][] a) {
    double off = 0.0;
    double total = 0.0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a.length; j++) {
        double square = a[i][j] * a[i][j];
        total += square;
        if (i != j) {
          off += square;
        }
      }
    }
    return off == 0.0 || off <= 1e-32 * total;
  }

  /** Applies the rotation that zeroes {@code a[p][q]}: {@code a = J' a J}, {@code v = v J}. */
  private static void rotate(double[][] a, double[][] v, int p, int q) {
    double apq = a[p][q];
    if (apq == 0.0) {
      return;
    }
    double theta = (a[q][q] - a[p][p]) / (2.0 * apq);
    double t = Math.abs(theta) > 1e150
        ? 0.5 / theta
        : Math.signum(theta == 0.0 ? 1.0 : theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1.0));
    double c = 1.0 / Math.sqrt(t * t + 1.0);
    double s = t * c;
    int d = a.length;
    for (int k = 0; k < d; k++) {
      double akp = a[k][p];
      double akq = a[k][q];
      a[k][p] = c * akp - s * akq;
      a[k][q] = s * akp + c * akq;
    }
    for (int k = 0; k < d; k++) {
      double apk = a[p][k];
      double aqk = a[q][k];
      a[p][k] = c * apk - s * aqk;
      a[q][k] = s * apk + c * aqk;
    }
    a[p][q] = 0.0;
    a[q][p] = 0.0;
    for (int k = 0; k < d; k++) {
      double vkp = v[k][p];
      double vkq = v[k][q];
      v[k][p] = c * vkp - s * vkq;
      v[k][q] = s * vkp + c * vkq;
    }
  }
}

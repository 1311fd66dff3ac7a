package dev.shifter.metafeatures.extra;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.shifter.api.Arity;
import dev.shifter.api.FeatureDomain;
import dev.shifter.api.MetaFeature;
import dev.shifter.metafeatures.extra.internal.FeatureScope;
import dev.shifter.metafeatures.extra.internal.NdOps;
import dev.shifter.metafeatures.extra.internal.SymmetricEigen;

/**
 * pymfe's {@code eigenvalues}: the eigenvalues of the covariance matrix of the columns (ddof = 1), sorted
 * in <b>descending</b> order.
 *
 * <p><b>Arity.</b> A {@code d x d} covariance matrix has {@code d} eigenvalues, so the arity is
 * {@link Arity#PER_COLUMN}, but entry {@code k} is the {@code k}-th largest eigenvalue and belongs to no
 * particular column: the label of the {@code k}-th column only names the position. pymfe returns
 * {@code np.linalg.eigvals} in LAPACK's order, which is not specified; sorting makes the result
 * comparable between tables.
 *
 * <p><b>Computation.</b> The eigenvectors {@code v_k} of {@code C = Xc' Xc / (n - 1)} are found on the
 * host, without a graph, by Jacobi rotations in float64 (DJL has no eigen solver). Each eigenvalue is then
 * computed with NDArray operations in the input's data type as {@code ||Xc v_k||^2 / (n - 1)}, the
 * Rayleigh quotient {@code v_k' C v_k}, whose gradient with respect to {@code C} is {@code v_k v_k'}: the
 * exact gradient of a simple eigenvalue (first-order perturbation theory), so no derivative of the solver
 * is needed. Where eigenvalues coincide the sorted eigenvalues are not differentiable; the gradient is
 * then that of one valid choice of eigenvectors, and finite. Each call copies the {@code d x d} matrix to
 * the host (one synchronisation; the solver costs {@code O(d^3)} per sweep, fine for up to a few hundred
 * columns).
 *
 * <p><b>Degenerate input.</b> {@code n = 1} divides by {@code max(n - 1, 1) = 1} (pymfe gives NaN) and so
 * gives zeros; a constant column adds a zero eigenvalue. Columns are first shifted by their first value
 * (without gradient; the covariance does not change), which keeps values that differ only in the seventh
 * digit accurate. An eigenvalue beyond the data type's largest finite value (for float32 input, values
 * near {@code 1e30} give eigenvalues near {@code 1e60}) is clamped to that value ({@code 3.4e38} for
 * float32) with a zero gradient. NaN or infinite input raises an
 * {@link dev.shifter.api.InvalidInputException}.
 */
public final class CovarianceEigenvalues implements MetaFeature {
  /** The feature's name. */
  public static final String NAME = "eigenvalues";

  /** Creates the feature. */
  public CovarianceEigenvalues() {
    // Stateless.
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Arity arity() {
    return Arity.PER_COLUMN;
  }

  @Override
  public FeatureDomain domain() {
    return FeatureDomain.NON_NEGATIVE;
  }

  @Override
  public String description() {
    return "eigenvalues of the covariance matrix (ddof=1), largest first; entry k is the k-th largest"
        + " (pymfe eigenvalues)";
  }

  @Override
  public NDArray compute(NDArray x) {
    return FeatureScope.compute(x, NAME, v -> {
      int n = NdOps.rows(v);
      int d = NdOps.columns(v);
      NDArray shifted = v.sub(v.get("0:1").stopGradient());
      NDArray centred = NdOps.dividedBy(shifted.sub(shifted.mean(NdOps.ROWS, true)), Math.sqrt(Math.max(n - 1, 1)));
      SymmetricEigen eigen;
      try (NDArray wide = centred.stopGradient().toType(DataType.FLOAT64, false);
          NDArray covariance = wide.transpose().matMul(wide)) {
        eigen = SymmetricEigen.of(covariance.toDoubleArray(), d);
      }
      NDArray projections = centred.matMul(NdOps.constant(centred, eigen.vectors(), new Shape(d, d)));
      return projections.square().sum(NdOps.ROWS).minimum(NdOps.maxFinite(v.getDataType()));
    });
  }
}

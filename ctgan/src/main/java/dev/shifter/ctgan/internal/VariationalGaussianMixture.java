package dev.shifter.ctgan.internal;

import dev.shifter.api.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * A one-dimensional variational Bayesian Gaussian mixture with a truncated stick-breaking
 * (Dirichlet-process) prior on the weights, as the CTGAN paper's mode-specific normalisation uses.
 *
 * <h2>Model</h2>
 * On the column standardised to mean 0 and variance 1 (the fit is equivariant, so the priors below are
 * the data mean and variance on the original scale), with K = {@code maxComponents}:
 * <ul>
 *   <li>{@code v_k ~ Beta(1, alpha)} for {@code k < K}, {@code v_K = 1}, and
 *       {@code pi_k = v_k prod_{j<k} (1 - v_j)} (Blei and Jordan 2006);</li>
 *   <li>{@code lambda_k ~ Gamma(a0 = nu0 / 2, b0 = nu0 / 2)} (shape, rate; the 1-D Wishart with prior
 *       variance {@code 1 / E[lambda] = 1}) and {@code mu_k | lambda_k ~ N(0, 1 / (beta0 lambda_k))};</li>
 *   <li>{@code z_n ~ Cat(pi)} and {@code x_n | z_n = k ~ N(mu_k, 1 / lambda_k)}.</li>
 * </ul>
 *
 * <h2>Updates</h2>
 * Mean-field {@code q(z) q(v) q(mu, lambda)} with {@code q(v_k) = Beta(g1_k, g2_k)} and
 * {@code q(mu_k, lambda_k)} Normal-Gamma {@code (m_k, beta_k, a_k, b_k)}, coordinate ascent as in Bishop,
 * PRML section 10.2, with the Dirichlet replaced by the stick:
 * <ul>
 *   <li>E-step: {@code ln rho_nk = E[ln pi_k] + E[ln lambda_k] / 2 - ln(2 pi) / 2 - 1 / (2 beta_k)
 *       - (a_k / b_k) (x_n - m_k)^2 / 2}, {@code r_nk = softmax_k(ln rho_nk)}, where
 *       {@code E[ln lambda_k] = psi(a_k) - ln b_k} and
 *       {@code E[ln pi_k] = E[ln v_k] + sum_{j<k} E[ln(1 - v_j)]};</li>
 *   <li>M-step, from {@code N_k = sum r_nk}, {@code xbar_k}, {@code S_k} (weighted mean and variance):
 *       {@code g1_k = 1 + N_k}, {@code g2_k = alpha + sum_{j>k} N_j}, {@code beta_k = beta0 + N_k},
 *       {@code m_k = N_k xbar_k / beta_k}, {@code a_k = a0 + N_k / 2},
 *       {@code b_k = b0 + (N_k S_k + beta0 N_k xbar_k^2 / (beta0 + N_k)) / 2}.</li>
 * </ul>
 * The evidence lower bound after an E-step is {@code sum_n logsumexp_k ln rho_nk} minus the KL
 * divergences of {@code q(v_k)} and {@code q(mu_k, lambda_k)} from their priors; the loop stops when it
 * changes by less than {@code tolerance} per row, or after {@code maxIterations}.
 *
 * <h2>Merge moves</h2>
 * Coordinate ascent shrinks a redundant copy of a mode only very slowly, so a mode that k-means split
 * in two usually survives as two overlapping components. With {@code mergeMoves} on, after convergence
 * the (at most three) least separated pairs of neighbouring components are tried in turn: their
 * statistics are pooled into one component, three iterations are run, and the merge is kept only if
 * the lower bound is higher than before (a move in the spirit of Hughes and Sudderth, NIPS 2013);
 * otherwise the previous parameters are restored. Rounds repeat, with a convergence run after each
 * round that kept a merge, until no merge helps, so the bound never decreases.
 *
 * <h2>Initialisation and output</h2>
 * A column with more than {@code maxFitRows} values is fitted on a seeded random subsample of that
 * size. Seeded k-means++ centres refined by Lloyd iterations give hard responsibilities; the clusters are
 * ordered by size (largest first, the order the stick-breaking prior favours) before the first M-step.
 * The output weights are {@code E[pi_k] = E[v_k] prod_{j<k} (1 - E[v_j])}, the means {@code m_k} and the
 * standard deviations {@code sqrt(b_k / a_k)} (one over the expected precision), mapped back to the data's
 * scale; components whose weight is below {@code pruneBelow} are dropped and the rest renormalised. The
 * E-step runs in parallel over fixed row chunks with the partial sums added in chunk order, so a fit is
 * deterministic given its seed. A constant column gets one component whose standard deviation is
 * {@code 1e-6 max(1, |value|)}.
 */
public final class VariationalGaussianMixture {
  private static final int LLOYD_ITERATIONS = 20;
  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2.0 * Math.PI);
  private static final double EMPTY = 1e-10;
  private static final double CONSTANT_STD = 1e-6;
  private static final double MIN_ROWS = 1e-3;
  private static final int MERGE_TRIES = 3;
  private static final int MERGE_REFINEMENT = 3;

  private final MixtureConfig config;

  /**
   * Creates a fitter with the given settings.
   *
   * @param config the priors, truncation and stopping rule
   */
  public VariationalGaussianMixture(MixtureConfig config) {
    this.config = config;
  }

  /**
   * Returns the settings.
   *
   * @return the configuration
   */
  public MixtureConfig config() {
    return config;
  }

  /**
   * Fits the mixture to a column's values.
   *
   * @param values the non-missing values, finite, at least one
   * @param seed the seed of the subsample and the k-means++ initialisation
   * @return the fitted modes and the fit's diagnostics
   * @throws InvalidInputException if there is no value or a value is not finite
   */
  public MixtureFit fit(double[] values, long seed) {
    if (values.length == 0) {
      throw new InvalidInputException("Cannot fit a mixture to a column with no values. Drop the column or give it"
          + " at least one non-missing value.");
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (!Double.isFinite(v)) {
        throw new InvalidInputException("A continuous column holds the non-finite value " + v
            + ". Replace infinities and NaN by missing values (null) before fitting.");
      }
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    if (min == max) {
      return new MixtureFit(pointMass(min), 0, true, Double.NaN, values.length);
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = subsample(values, config.maxFitRows(), random);
    ValueSpikes spikes = ValueSpikes.find(x, config.spikeShare(), config.maxComponents());
    if (spikes.count() == config.maxComponents() && spikes.restCount() > 0) {
      spikes = ValueSpikes.find(x, config.spikeShare(), config.maxComponents() - 1);
    }
    if (spikes.count() == 0) {
      return fitSmooth(x, random, config.maxComponents());
    }
    MixtureFit smooth = spikes.restCount() == 0 ? null
        : fitSmooth(spikes.rest(x), random, config.maxComponents() - spikes.count());
    return withSpikes(smooth, spikes);
  }

  /** Fits the mixture to values that hold no spike, with at most {@code components} components. */
  private MixtureFit fitSmooth(double[] x, SplittableRandom random, int components) {
    double min = Arrays.stream(x).min().orElseThrow();
    double max = Arrays.stream(x).max().orElseThrow();
    if (min == max) {
      return new MixtureFit(pointMass(min), 0, true, Double.NaN, x.length);
    }
    double mean = 0.0;
    for (double v : x) {
      mean += v;
    }
    mean /= x.length;
    double squares = 0.0;
    for (double v : x) {
      squares += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(squares / x.length);
    if (!(sd > 0.0)) {
      sd = max - min;
    }
    double[] standardised = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      standardised[i] = (x[i] - mean) / sd;
    }
    return new Run(standardised, random, components).fit(mean, sd);
  }

  private static GaussianModes pointMass(double value) {
    return new GaussianModes(new double[] {value}, new double[] {CONSTANT_STD * Math.max(1.0, Math.abs(value))},
        new double[] {1.0});
  }

  /** The spikes' components next to the smooth fit's, whose weights are scaled to the rows they cover. */
  private static MixtureFit withSpikes(@Nullable MixtureFit smooth, ValueSpikes spikes) {
    int smoothCount = smooth == null ? 0 : smooth.modes().size();
    int count = spikes.count() + smoothCount;
    Integer[] order = new Integer[count];
    double[] means = new double[count];
    double[] stds = new double[count];
    double[] weights = new double[count];
    for (int i = 0; i < spikes.count(); i++) {
      double value = spikes.values()[i];
      means[i] = value;
      stds[i] = CONSTANT_STD * Math.max(1.0, Math.abs(value));
      weights[i] = spikes.counts()[i] / (double) spikes.total();
    }
    double restShare = spikes.restCount() / (double) spikes.total();
    if (smooth != null) {
      GaussianModes modes = smooth.modes();
      for (int i = 0; i < smoothCount; i++) {
        means[spikes.count() + i] = modes.means()[i];
        stds[spikes.count() + i] = modes.stds()[i];
        weights[spikes.count() + i] = modes.weights()[i] * restShare;
      }
    }
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (p, q) -> Double.compare(means[p], means[q]));
    GaussianModes all = new GaussianModes(
        Arrays.stream(order).mapToDouble(i -> means[i]).toArray(),
        Arrays.stream(order).mapToDouble(i -> stds[i]).toArray(),
        Arrays.stream(order).mapToDouble(i -> weights[i]).toArray());
    return smooth == null ? new MixtureFit(all, 0, true, Double.NaN, spikes.total())
        : new MixtureFit(all, smooth.iterations(), smooth.converged(), smooth.lowerBoundPerRow(), spikes.total());
  }

  private static double[] subsample(double[] values, int maxRows, SplittableRandom random) {
    if (values.length <= maxRows) {
      return values.clone();
    }
    int[] index = new int[values.length];
    for (int i = 0; i < index.length; i++) {
      index[i] = i;
    }
    for (int i = 0; i < maxRows; i++) {
      int j = i + random.nextInt(index.length - i);
      int t = index[i];
      index[i] = index[j];
      index[j] = t;
    }
    int[] chosen = Arrays.copyOf(index, maxRows);
    Arrays.sort(chosen);
    double[] out = new double[maxRows];
    for (int i = 0; i < maxRows; i++) {
      out[i] = values[chosen[i]];
    }
    return out;
  }

  /** One fit on standardised data; holds the variational parameters. */
  private final class Run {
    private final double[] x;
    private final SplittableRandom random;
    private final int k;
    private final double alpha;
    private final double beta0;
    private final double a0;
    private final double b0;
    private final double[] g1;
    private final double[] g2;
    private final double[] beta;
    private final double[] m;
    private final double[] a;
    private final double[] b;
    private double[] stats = new double[0];
    private double[] statsCentres = new double[0];
    private double[] centresAfterMerge = new double[0];
    private double bound = Double.NaN;
    private int iterations;

    Run(double[] x, SplittableRandom random, int components) {
      this.x = x;
      this.random = random;
      this.k = components;
      this.alpha = config.weightConcentration();
      this.beta0 = config.meanPrecision();
      this.a0 = 0.5 * config.degreesOfFreedom();
      this.b0 = 0.5 * config.degreesOfFreedom();
      this.g1 = new double[k];
      this.g2 = new double[k];
      this.beta = new double[k];
      this.m = new double[k];
      this.a = new double[k];
      this.b = new double[k];
    }

    MixtureFit fit(double mean, double sd) {
      double[] centres = initialCentres();
      maximise(hardStatistics(centres), centres);
      evaluate();
      boolean converged;
      int rounds = 0;
      do {
        converged = converge(config.maxIterations());
      } while (config.mergeMoves() && rounds++ < k && mergeRound());
      return new MixtureFit(modes(mean, sd), iterations, converged, bound / x.length, x.length);
    }

    /** Runs the E-step at the current parameters, keeping its statistics and the lower bound. */
    private void evaluate() {
      stats = expectationStatistics();
      statsCentres = m.clone();
      bound = stats[3 * k] - divergence();
    }

    /** Coordinate ascent until the bound settles or {@code limit} iterations; true if it settled. */
    private boolean converge(int limit) {
      double stop = config.tolerance() * x.length;
      for (int i = 0; i < limit; i++) {
        double previous = bound;
        maximise(stats, statsCentres);
        evaluate();
        iterations++;
        if (Math.abs(bound - previous) < stop) {
          return true;
        }
      }
      return false;
    }

    /**
     * Tries to merge neighbouring components, the most overlapping pairs first, and keeps a merge only
     * when the lower bound (after a few iterations from the merged statistics) is higher than before.
     * Mean-field updates shrink a redundant duplicate component very slowly; this move removes it.
     *
     * @return whether at least one merge was kept
     */
    private boolean mergeRound() {
      boolean any = false;
      boolean merged = true;
      for (int accepted = 0; merged && accepted < k; accepted++) {
        merged = false;
        for (int[] pair : mergeCandidates()) {
          double[] keptStats = stats;
          double[] keptCentres = statsCentres;
          double keptBound = bound;
          double[][] kept = {g1.clone(), g2.clone(), beta.clone(), m.clone(), a.clone(), b.clone()};
          maximise(mergedStatistics(pair[0], pair[1], keptStats, keptCentres), centresAfterMerge);
          evaluate();
          converge(MERGE_REFINEMENT);
          if (bound > keptBound) {
            merged = true;
            any = true;
            break;
          }
          stats = keptStats;
          statsCentres = keptCentres;
          bound = keptBound;
          double[][] targets = {g1, g2, beta, m, a, b};
          for (int i = 0; i < targets.length; i++) {
            System.arraycopy(kept[i], 0, targets[i], 0, k);
          }
        }
      }
      return any;
    }

    /** Neighbouring pairs of occupied components (by mean), least separated first, at most a few. */
    private List<int[]> mergeCandidates() {
      Integer[] occupied = IntStream.range(0, k).filter(j -> stats[j] > MIN_ROWS).boxed()
          .sorted((p, q) -> Double.compare(m[p], m[q])).toArray(Integer[]::new);
      List<int[]> pairs = new ArrayList<>();
      List<Double> separation = new ArrayList<>();
      for (int i = 0; i + 1 < occupied.length; i++) {
        int p = occupied[i];
        int q = occupied[i + 1];
        pairs.add(new int[] {p, q});
        separation.add((m[q] - m[p]) / Math.sqrt(b[p] / a[p] + b[q] / a[q]));
      }
      Integer[] order = IntStream.range(0, pairs.size()).boxed()
          .sorted((i, j) -> Double.compare(separation.get(i), separation.get(j))).toArray(Integer[]::new);
      List<int[]> chosen = new ArrayList<>();
      for (int i = 0; i < Math.min(MERGE_TRIES, order.length); i++) {
        chosen.add(pairs.get(order[i]));
      }
      return chosen;
    }

    /**
     * Returns the statistics with components {@code p} and {@code q} pooled into one, the components
     * reordered by size, and sets {@link #centresAfterMerge} to the centres they are taken about.
     */
    private double[] mergedStatistics(int p, int q, double[] from, double[] centres) {
      double count = from[p] + from[q];
      double centre = (from[p] * centres[p] + from[k + p] + from[q] * centres[q] + from[k + q]) / count;
      double sumD = 0.0;
      double sumD2 = 0.0;
      for (int j : new int[] {p, q}) {
        double shift = centres[j] - centre;
        sumD += from[k + j] + from[j] * shift;
        sumD2 += from[2 * k + j] + 2.0 * shift * from[k + j] + from[j] * shift * shift;
      }
      double[] merged = from.clone();
      double[] mergedCentres = centres.clone();
      merged[p] = count;
      merged[k + p] = sumD;
      merged[2 * k + p] = Math.max(0.0, sumD2);
      mergedCentres[p] = centre;
      merged[q] = 0.0;
      merged[k + q] = 0.0;
      merged[2 * k + q] = 0.0;
      mergedCentres[q] = 0.0;
      Integer[] order = IntStream.range(0, k).boxed()
          .sorted((i, j) -> Double.compare(merged[j], merged[i])).toArray(Integer[]::new);
      double[] sorted = new double[3 * k + 1];
      centresAfterMerge = new double[k];
      for (int i = 0; i < k; i++) {
        int j = order[i];
        sorted[i] = merged[j];
        sorted[k + i] = merged[k + j];
        sorted[2 * k + i] = merged[2 * k + j];
        centresAfterMerge[i] = mergedCentres[j];
      }
      return sorted;
    }

    /** k-means++ seeding followed by Lloyd iterations; fewer than K centres when the data run out. */
    private double[] initialCentres() {
      int n = x.length;
      double[] centres = new double[k];
      double[] d2 = new double[n];
      double first = x[random.nextInt(n)];
      centres[0] = first;
      for (int i = 0; i < n; i++) {
        d2[i] = (x[i] - first) * (x[i] - first);
      }
      int count = 1;
      while (count < k) {
        double total = 0.0;
        for (double d : d2) {
          total += d;
        }
        if (!(total > 0.0)) {
          break;
        }
        double u = random.nextDouble() * total;
        int pick = n - 1;
        double cumulative = 0.0;
        for (int i = 0; i < n; i++) {
          cumulative += d2[i];
          if (cumulative > u && d2[i] > 0.0) {
            pick = i;
            break;
          }
        }
        double c = x[pick];
        centres[count++] = c;
        for (int i = 0; i < n; i++) {
          d2[i] = Math.min(d2[i], (x[i] - c) * (x[i] - c));
        }
      }
      double[] used = Arrays.copyOf(centres, count);
      lloyd(used);
      return used;
    }

    private void lloyd(double[] centres) {
      int c = centres.length;
      for (int iteration = 0; iteration < LLOYD_ITERATIONS; iteration++) {
        double[] sums = ChunkedRows.sum(x.length, 2 * c, (from, to, partial) -> {
          for (int i = from; i < to; i++) {
            int j = nearest(centres, x[i]);
            partial[j] += 1.0;
            partial[c + j] += x[i];
          }
        });
        boolean moved = false;
        for (int j = 0; j < c; j++) {
          if (sums[j] > 0.0) {
            double updated = sums[c + j] / sums[j];
            moved |= updated != centres[j];
            centres[j] = updated;
          }
        }
        if (!moved) {
          return;
        }
      }
    }

    /**
     * Hard-assigns every row to its nearest centre and returns the statistics in the E-step's layout,
     * about the returned (reordered) centres: clusters sorted by size, largest first.
     */
    private double[] hardStatistics(double[] centres) {
      int c = centres.length;
      double[] raw = ChunkedRows.sum(x.length, 3 * c, (from, to, partial) -> {
        for (int i = from; i < to; i++) {
          int j = nearest(centres, x[i]);
          double d = x[i] - centres[j];
          partial[j] += 1.0;
          partial[c + j] += d;
          partial[2 * c + j] += d * d;
        }
      });
      Integer[] order = new Integer[c];
      for (int j = 0; j < c; j++) {
        order[j] = j;
      }
      Arrays.sort(order, (p, q) -> Double.compare(raw[q], raw[p]));
      double[] stats = new double[3 * k + 1];
      double[] reordered = new double[c];
      for (int j = 0; j < c; j++) {
        int from = order[j];
        reordered[j] = centres[from];
        stats[j] = raw[from];
        stats[k + j] = raw[c + from];
        stats[2 * k + j] = raw[2 * c + from];
      }
      System.arraycopy(reordered, 0, centres, 0, c);
      return stats;
    }

    /**
     * Updates the variational parameters from statistics {@code [N_k, sum r d, sum r d^2, ...]} where
     * {@code d = x - centre_k}; {@code centres} may be shorter than K (the rest have no rows).
     */
    private void maximise(double[] sums, double[] centres) {
      double after = 0.0;
      for (int j = k - 1; j >= 0; j--) {
        double count = sums[j];
        double xbar = 0.0;
        double scatter = 0.0;
        if (count > EMPTY) {
          double centre = j < centres.length ? centres[j] : 0.0;
          double sumD = sums[k + j];
          xbar = centre + sumD / count;
          scatter = Math.max(0.0, sums[2 * k + j] - sumD * sumD / count);
        } else {
          count = 0.0;
        }
        g1[j] = 1.0 + count;
        g2[j] = alpha + after;
        after += count;
        beta[j] = beta0 + count;
        m[j] = count * xbar / beta[j];
        a[j] = a0 + 0.5 * count;
        b[j] = b0 + 0.5 * (scatter + beta0 * count * xbar * xbar / (beta0 + count));
      }
    }

    /** Runs the E-step and returns {@code [N_k (K), sum r d (K), sum r d^2 (K), sum logsumexp]}. */
    private double[] expectationStatistics() {
      double[] offset = new double[k];
      double[] precision = new double[k];
      double[] centre = m.clone();
      double stick = 0.0;
      for (int j = 0; j < k; j++) {
        double logV = 0.0;
        double logOneMinusV = 0.0;
        if (j < k - 1) {
          double both = SpecialFunctions.digamma(g1[j] + g2[j]);
          logV = SpecialFunctions.digamma(g1[j]) - both;
          logOneMinusV = SpecialFunctions.digamma(g2[j]) - both;
        }
        double logLambda = SpecialFunctions.digamma(a[j]) - Math.log(b[j]);
        offset[j] = stick + logV + 0.5 * logLambda - HALF_LOG_TWO_PI - 0.5 / beta[j];
        precision[j] = 0.5 * a[j] / b[j];
        stick += logOneMinusV;
      }
      int width = 3 * k + 1;
      return ChunkedRows.sum(x.length, width, (from, to, partial) -> {
        double[] log = new double[k];
        double logSum = 0.0;
        for (int i = from; i < to; i++) {
          double v = x[i];
          double max = Double.NEGATIVE_INFINITY;
          for (int j = 0; j < k; j++) {
            double d = v - centre[j];
            double l = offset[j] - precision[j] * d * d;
            log[j] = l;
            if (l > max) {
              max = l;
            }
          }
          double sum = 0.0;
          for (int j = 0; j < k; j++) {
            double e = Math.exp(log[j] - max);
            log[j] = e;
            sum += e;
          }
          double inverse = 1.0 / sum;
          logSum += max + Math.log(sum);
          for (int j = 0; j < k; j++) {
            double r = log[j] * inverse;
            double d = v - centre[j];
            double rd = r * d;
            partial[j] += r;
            partial[k + j] += rd;
            partial[2 * k + j] += rd * d;
          }
        }
        partial[3 * k] += logSum;
      });
    }

    /** The KL divergence of the parameters' posterior from their prior, summed over components. */
    private double divergence() {
      double total = 0.0;
      for (int j = 0; j < k; j++) {
        if (j < k - 1) {
          total += betaDivergence(g1[j], g2[j], 1.0, alpha);
        }
        double expectedPrecision = a[j] / b[j];
        total += 0.5 * (Math.log(beta[j] / beta0) + beta0 / beta[j] - 1.0
            + beta0 * expectedPrecision * m[j] * m[j]);
        total += gammaDivergence(a[j], b[j], a0, b0);
      }
      return total;
    }

    private GaussianModes modes(double mean, double sd) {
      double[] weight = new double[k];
      double remaining = 1.0;
      for (int j = 0; j < k; j++) {
        double expectedV = j < k - 1 ? g1[j] / (g1[j] + g2[j]) : 1.0;
        weight[j] = remaining * expectedV;
        remaining *= 1.0 - expectedV;
      }
      Integer[] kept = IntStream.range(0, k)
          .filter(j -> weight[j] >= config.pruneBelow())
          .boxed()
          .sorted((p, q) -> Double.compare(m[p], m[q]))
          .toArray(Integer[]::new);
      double[] means = new double[kept.length];
      double[] stds = new double[kept.length];
      double[] weights = new double[kept.length];
      for (int i = 0; i < kept.length; i++) {
        int j = kept[i];
        means[i] = mean + sd * m[j];
        stds[i] = sd * Math.sqrt(b[j] / a[j]);
        weights[i] = weight[j];
      }
      return new GaussianModes(means, stds, weights);
    }
  }

  private static int nearest(double[] centres, double v) {
    int best = 0;
    double bestDistance = Math.abs(v - centres[0]);
    for (int j = 1; j < centres.length; j++) {
      double d = Math.abs(v - centres[j]);
      if (d < bestDistance) {
        bestDistance = d;
        best = j;
      }
    }
    return best;
  }

  /** KL(Beta(a, b) || Beta(a0, b0)). */
  static double betaDivergence(double a, double b, double a0, double b0) {
    return logBeta(a0, b0) - logBeta(a, b) + (a - a0) * SpecialFunctions.digamma(a)
        + (b - b0) * SpecialFunctions.digamma(b) + (a0 - a + b0 - b) * SpecialFunctions.digamma(a + b);
  }

  /** KL(Gamma(a, b) || Gamma(a0, b0)), shape and rate. */
  static double gammaDivergence(double a, double b, double a0, double b0) {
    return (a - a0) * SpecialFunctions.digamma(a) - SpecialFunctions.logGamma(a) + SpecialFunctions.logGamma(a0)
        + a0 * (Math.log(b) - Math.log(b0)) + a * (b0 - b) / b;
  }

  private static double logBeta(double a, double b) {
    return SpecialFunctions.logGamma(a) + SpecialFunctions.logGamma(b) - SpecialFunctions.logGamma(a + b);
  }
}

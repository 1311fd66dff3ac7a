package dev.shifter.spark;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.Arity;
import dev.shifter.api.MergeableMetaFeature;
import dev.shifter.api.MetaFeature;
import dev.shifter.api.MetaFeatureProvider;
import dev.shifter.api.RowBlock;
import java.util.List;
import java.util.Map;

/**
 * A plug-in whose two features fail: one inside every partition's summary, one on the sample. The test
 * class path installs it through {@code META-INF/services}.
 */
public final class FlakyMetaFeatures implements MetaFeatureProvider {
  static final String FAILS_TO_SUMMARIZE = "test_fails_to_summarize";
  static final String FAILS_ON_THE_SAMPLE = "test_fails_on_the_sample";

  /** Creates the provider. */
  public FlakyMetaFeatures() {
    // stateless
  }

  @Override
  public String id() {
    return "spark-test-flaky";
  }

  @Override
  public List<MetaFeature> metaFeatures() {
    return List.of(new FailsToSummarize(), new FailsOnTheSample());
  }

  /** A mergeable feature whose summary throws. */
  static final class FailsToSummarize implements MergeableMetaFeature<Double> {
    @Override
    public String name() {
      return FAILS_TO_SUMMARIZE;
    }

    @Override
    public Arity arity() {
      return Arity.SCALAR;
    }

    @Override
    public String description() {
      return "throws while summarizing a block";
    }

    @Override
    public NDArray compute(NDArray x) {
      throw new IllegalStateException("a broken plug-in");
    }

    @Override
    public Double summarize(RowBlock block) {
      throw new IllegalStateException("a broken plug-in's summary");
    }

    @Override
    public Double merge(Double left, Double right) {
      return left + right;
    }

    @Override
    public Map<String, Double> finish(Double summary) {
      return Map.of("value", summary);
    }
  }

  /** A feature without a mergeable form whose computation throws. */
  static final class FailsOnTheSample implements MetaFeature {
    @Override
    public String name() {
      return FAILS_ON_THE_SAMPLE;
    }

    @Override
    public Arity arity() {
      return Arity.SCALAR;
    }

    @Override
    public String description() {
      return "throws on any table";
    }

    @Override
    public NDArray compute(NDArray x) {
      throw new IllegalStateException("a broken plug-in on the sample");
    }
  }
}

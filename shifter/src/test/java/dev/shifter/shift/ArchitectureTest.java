package dev.shifter.shift;

import dev.shifter.api.testing.ModuleArchitecture;
import java.util.List;

/** The architecture rules of this module (see {@link ModuleArchitecture}). */
class ArchitectureTest extends ModuleArchitecture {
  ArchitectureTest() {
    super(List.of("dev.shifter.shift"), List.of(
        "ai.djl.pytorch..", "ai.djl.engine.rust..", "ai.djl.mxnet..", "de.siegmar..", "org.tribuo..",
        "picocli..", "me.tongfei..", "org.knowm..", "dev.shifter.ctgan..", "dev.shifter.io..",
        "dev.shifter.eval..", "dev.shifter.report..", "dev.shifter.cli..", "dev.shifter.demo..", "dev.shifter.metafeatures.."));
  }
}

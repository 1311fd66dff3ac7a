package dev.shifter.report;

import dev.shifter.api.testing.ModuleArchitecture;
import java.util.List;

/** The architecture rules of this module (see {@link ModuleArchitecture}). */
class ArchitectureTest extends ModuleArchitecture {
  ArchitectureTest() {
    super(List.of("dev.shifter.report"), List.of(
        "ai.djl.pytorch..", "ai.djl.engine.rust..", "ai.djl.mxnet..", "de.siegmar..", "picocli..",
        "me.tongfei..", "dev.shifter.io..", "dev.shifter.cli..", "dev.shifter.demo..", "dev.shifter.metafeatures.."));
  }
}

package dev.shifter.cli;

import dev.shifter.api.testing.ModuleArchitecture;
import java.util.List;

/** The architecture rules of this module (see {@link ModuleArchitecture}). */
class ArchitectureTest extends ModuleArchitecture {
  ArchitectureTest() {
    super(List.of("dev.shifter.cli", "dev.shifter.demo"), List.of(
        "ai.djl.pytorch..", "ai.djl.engine.rust..", "ai.djl.mxnet..", "dev.shifter.metafeatures.."));
  }

  @Override
  protected boolean messagesMayNameFlags() {
    return true;
  }
}

package dev.shifter.spark;

import dev.shifter.api.testing.ModuleArchitecture;
import java.nio.file.Path;
import java.util.List;

/**
 * The architecture rules of this module (see {@link ModuleArchitecture}); the {@code spark-submit} entry
 * point lives in {@code dev.shifter.cli.spark}, the only package whose messages name flags.
 */
class ArchitectureTest extends ModuleArchitecture {
  private static final Path COMMAND_LINE = Path.of("src", "main", "java", "dev", "shifter", "cli", "spark");

  ArchitectureTest() {
    super(List.of("dev.shifter.spark", "dev.shifter.cli.spark"),
        List.of("com.google.inject..", "ai.djl.engine.rust..", "ai.djl.mxnet.."));
  }

  @Override
  protected boolean isCommandLineSource(Path file) {
    return file.startsWith(COMMAND_LINE);
  }
}

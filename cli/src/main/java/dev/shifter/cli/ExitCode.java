package dev.shifter.cli;

import dev.shifter.api.ArtifactException;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.PluginException;

/** The exit codes of the {@code shifter} command, in one place. */
public enum ExitCode {
  /** Everything asked for was done. */
  OK(0),
  /** An internal failure: a bug, or an unexpected I/O or engine error. */
  INTERNAL(1),
  /** Bad usage: an unknown or missing option, a malformed value, a plug-in folder that does not exist. */
  USAGE(2),
  /** Bad input: a malformed or missing data file, an unknown column or meta-feature, a damaged artifact. */
  INPUT(3),
  /** A plug-in failed: no meta-feature installed, or a requested meta-feature failed to compute. */
  PLUGIN(4);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  /**
   * Returns the process exit status.
   *
   * @return 0 to 4
   */
  public int code() {
    return code;
  }

  /**
   * Returns the exit code that an exception stands for.
   *
   * @param e the failure
   * @return {@link #INPUT} for invalid input and damaged artifacts, {@link #PLUGIN} for plug-in
   *     failures, {@link #INTERNAL} for anything else
   */
  public static ExitCode of(Throwable e) {
    if (e instanceof PluginException) {
      return PLUGIN;
    }
    if (e instanceof InvalidInputException || e instanceof ArtifactException) {
      return INPUT;
    }
    return INTERNAL;
  }
}

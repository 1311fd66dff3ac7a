package dev.shifter.demo;

/** The stages of a demo run, in the order they run. */
public enum DemoStage {
  /** Generate the demo table (or take the user's), derive or check the targets, write them. */
  DATA("prepare the data and the targets"),
  /** Fit the CTGAN and write the model directory. */
  FIT("fit the CTGAN"),
  /** Sample the plain synthetic table. */
  SAMPLE("sample the synthetic table"),
  /** Train the Shifter and write its directory. */
  TRAIN("train the Shifter"),
  /** Generate the shifted table. */
  GENERATE("generate the shifted table"),
  /** Measure the quality of both tables against the data. */
  EVALUATE("measure the quality"),
  /** Write the HTML report. */
  REPORT("write the report");

  private final String title;

  DemoStage(String title) {
    this.title = title;
  }

  /**
   * Returns what the stage does, for people.
   *
   * @return e.g. {@code "fit the CTGAN"}
   */
  public String title() {
    return title;
  }
}

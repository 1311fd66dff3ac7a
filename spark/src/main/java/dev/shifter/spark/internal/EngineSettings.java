package dev.shifter.spark.internal;

/**
 * The PyTorch engine's settings in a Spark JVM, applied before its first model loads: DJL stays offline (the
 * native library travels as a jar), and unless the user set them, each task's generation runs on as many
 * intra-op threads as Spark gives a task cores ({@code spark.task.cpus}, 1 by default) and one inter-op
 * thread, so that tasks running side by side do not oversubscribe the executor's cores.
 */
public final class EngineSettings {
  static final String OFFLINE = "ai.djl.offline";
  static final String THREADS = "ai.djl.pytorch.num_threads";
  static final String INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";

  private EngineSettings() {}

  /**
   * Sets what the user left unset; the engine reads the settings once, when it starts.
   *
   * @param taskCores the cores Spark gives one task
   */
  public static synchronized void apply(int taskCores) {
    setIfAbsent(OFFLINE, "true");
    setIfAbsent(THREADS, Integer.toString(Math.max(1, taskCores)));
    setIfAbsent(INTEROP_THREADS, "1");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}

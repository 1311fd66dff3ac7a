package dev.shifter.commons;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * The library's default for PyTorch's intra-op thread count ({@value #PROPERTY}): when the property is
 * not set, it becomes the number of cores that other processes leave idle now (two samples of {@code
 * /proc/stat} a quarter of a second apart), at least 1. PyTorch's own default, one thread per core, lets
 * its OpenMP threads spin-wait for each other; on a core another process keeps busy that wait made every
 * training step 10 to 15 times slower on the project's 2-core machine (the README's thread table). Where
 * {@code /proc/stat} cannot be read the property stays unset. The choice is made once per JVM, and only
 * helps when it runs before PyTorch starts, so the library's entry points call {@link #chooseDefault()}
 * first; a user who sets the property (or {@code SHIFTER_THREADS} for {@code bin/shifter}) decides.
 */
public final class EngineThreads {
  /** DJL's system property for PyTorch's intra-op threads. */
  public static final String PROPERTY = "ai.djl.pytorch.num_threads";

  private static final Path STAT = Path.of("/proc/stat");
  private static final long SAMPLE_MILLIS = 250;
  private static boolean chosen;

  private EngineThreads() {}

  /** Sets {@value #PROPERTY} to the idle cores when nobody set it; does nothing on later calls. */
  public static synchronized void chooseDefault() {
    if (chosen) {
      return;
    }
    chosen = true;
    if (System.getProperty(PROPERTY) != null) {
      return;
    }
    idleCores(Runtime.getRuntime().availableProcessors())
        .ifPresent(threads -> System.setProperty(PROPERTY, Integer.toString(threads)));
  }

  /**
   * Measures the cores that other processes leave idle.
   *
   * @param cores the cores of the machine
   * @return the idle cores, at least 1, or empty when {@code /proc/stat} cannot be read
   */
  static OptionalInt idleCores(int cores) {
    long[] first = cpuTimes();
    if (first.length == 0) {
      return OptionalInt.empty();
    }
    try {
      Thread.sleep(SAMPLE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalInt.empty();
    }
    long[] second = cpuTimes();
    if (second.length == 0) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(idleCores(cores, first, second));
  }

  /**
   * Computes the idle cores from two samples of (idle, total) jiffies.
   *
   * @param cores the cores of the machine
   * @param first the first sample
   * @param second the later sample
   * @return the idle cores, rounded, at least 1
   */
  static int idleCores(int cores, long[] first, long[] second) {
    long total = second[1] - first[1];
    long idle = second[0] - first[0];
    int free = total > 0 ? (int) Math.round(cores * (double) idle / total) : cores;
    return Math.max(1, Math.min(cores, free));
  }

  /** Returns (idle + iowait, total) jiffies of all cores, or an empty array when unreadable. */
  private static long[] cpuTimes() {
    try {
      List<String> lines = Files.readAllLines(STAT);
      for (String line : lines) {
        if (line.startsWith("cpu ")) {
          String[] fields = line.trim().split("\\s+");
          long total = 0;
          for (int i = 1; i < fields.length; i++) {
            total += Long.parseLong(fields[i]);
          }
          long idle = Long.parseLong(fields[4]) + (fields.length > 5 ? Long.parseLong(fields[5]) : 0);
          return new long[] {idle, total};
        }
      }
      return new long[0];
    } catch (IOException | RuntimeException e) {
      return new long[0];
    }
  }
}

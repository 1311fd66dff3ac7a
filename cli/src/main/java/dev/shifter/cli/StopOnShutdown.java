package dev.shifter.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C (or a SIGTERM) into a polite stop: a JVM shutdown hook calls the stop action and then
 * waits, at most {@value #WAIT_SECONDS} seconds, until the command has finished (its last checkpoint
 * written and its final note printed), which {@link #close()} signals. Closing also removes the hook, so
 * in-process runs (tests) leave none behind.
 */
final class StopOnShutdown implements AutoCloseable {
  private static final long WAIT_SECONDS = 120;

  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;
  private volatile boolean triggered;

  StopOnShutdown(Runnable stop) {
    this.hook = new Thread(() -> {
      triggered = true;
      stop.run();
      try {
        finished.await(WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "shifter-stop");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Tells whether the JVM is shutting down because of a signal. */
  boolean triggered() {
    return triggered;
  }

  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running: it returns now that the command has finished.
    }
  }
}

package dev.shifter.shift;

import com.google.inject.ConfigurationException;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
import dev.shifter.api.ShifterException;
import java.util.Collection;

/**
 * Creates injectors and takes instances from them so that a Shifter error raised while wiring (a model
 * directory that is not one, an unknown loss) reaches the caller as itself, with its message and fix,
 * instead of inside Guice's {@link ProvisionException}.
 */
public final class ShifterInjection {
  private ShifterInjection() {}

  /**
   * Creates an injector from modules.
   *
   * @param modules the modules, e.g. a {@link ShifterModule}
   * @return the injector
   * @throws ShifterException the first Shifter error a module raised while being configured
   */
  public static Injector createInjector(Module... modules) {
    try {
      return Guice.createInjector(modules);
    } catch (CreationException e) {
      throw unwrap(e.getErrorMessages(), e);
    }
  }

  /**
   * Takes an instance from an injector.
   *
   * @param <T> the type
   * @param injector the injector
   * @param type the type bound in it
   * @return the instance
   * @throws ShifterException the first Shifter error raised while providing it
   */
  public static <T> T getInstance(Injector injector, Class<T> type) {
    try {
      return injector.getInstance(type);
    } catch (ProvisionException e) {
      throw unwrap(e.getErrorMessages(), e);
    } catch (ConfigurationException e) {
      throw unwrap(e.getErrorMessages(), e);
    }
  }

  private static RuntimeException unwrap(Collection<Message> messages, RuntimeException wrapper) {
    for (Throwable cause = wrapper.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof ShifterException shifter) {
        return shifter;
      }
    }
    for (Message message : messages) {
      for (Throwable cause = message.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof ShifterException shifter) {
          return shifter;
        }
      }
    }
    return wrapper;
  }
}

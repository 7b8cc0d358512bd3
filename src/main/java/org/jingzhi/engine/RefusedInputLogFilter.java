package org.jingzhi.engine;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import jakarta.annotation.PostConstruct;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * The engine logs every failed command at ERROR with its stack trace, refused user input included
 * (a task listener's refusal reaches it wrapped, so the engine cannot tell it from a fault). A
 * refused form is the user's mistake, answered with 400: this filter keeps it out of the error log.
 */
@Component
class RefusedInputLogFilter extends TurboFilter {

  @PostConstruct
  void install() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.addTurboFilter(this);
    }
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable throwable) {
    if (level != Level.ERROR || !logger.getName().startsWith("org.camunda.bpm.engine")) {
      return FilterReply.NEUTRAL;
    }
    if (refused(throwable)) {
      return FilterReply.DENY;
    }
    if (params != null) {
      for (Object param : params) {
        if (param instanceof Throwable cause && refused(cause)) {
          return FilterReply.DENY;
        }
      }
    }
    return FilterReply.NEUTRAL;
  }

  private static boolean refused(Throwable throwable) {
    for (Throwable cause = throwable; cause != null; cause = cause.getCause()) {
      if (cause instanceof RefusedInputException) {
        return true;
      }
    }
    return false;
  }
}

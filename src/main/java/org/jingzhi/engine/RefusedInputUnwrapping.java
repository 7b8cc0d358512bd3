package org.jingzhi.engine;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine wraps whatever a task listener throws into a generic ProcessEngineException ("Exception
 * while invoking TaskListener"), which REST answers with 500. A refusal of user input is the
 * user's 400: this interceptor, outside the transaction, rethrows it unwrapped.
 */
public class RefusedInputUnwrapping extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (RefusedInputException e) {
      throw e;
    } catch (ProcessEngineException e) {
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof RefusedInputException refused) {
          throw refused;
        }
      }
      throw e;
    }
  }
}

package org.jingzhi.support;

import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/** Runs test code inside an engine command, with its context, session and transaction, as the engine's own code runs. */
public final class EngineCommands {

  private EngineCommands() {
  }

  public static <T> T inCommand(ProcessEngine engine, Function<CommandContext, T> work) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired().execute(work::apply);
  }
}

package org.jingzhi.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/** Adds a plugin's interceptors to the engine's command chain after those added before it. */
public final class CommandInterceptors {

  private CommandInterceptors() {
  }

  /** Before the command's transaction and context begin. */
  public static void addOutside(ProcessEngineConfigurationImpl configuration, CommandInterceptor... added) {
    configuration.setCustomPreCommandInterceptorsTxRequired(appended(configuration.getCustomPreCommandInterceptorsTxRequired(), added));
  }

  /** Inside the command's transaction and context. */
  public static void addInside(ProcessEngineConfigurationImpl configuration, CommandInterceptor... added) {
    configuration.setCustomPostCommandInterceptorsTxRequired(appended(configuration.getCustomPostCommandInterceptorsTxRequired(), added));
  }

  private static List<CommandInterceptor> appended(List<CommandInterceptor> existing, CommandInterceptor... added) {
    List<CommandInterceptor> interceptors = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    interceptors.addAll(Arrays.asList(added));
    return interceptors;
  }
}

package org.jingzhi.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The Camunda Form of a user task or a start event, read from its deployment once per process
 * definition. Called inside an engine command; reading the form is the platform's own business, so
 * it runs without the caller's authorizations (the caller's right to the task is checked before).
 */
final class DeployedForms {

  private static final Map<String, Optional<FormSchema>> SCHEMAS = new ConcurrentHashMap<>();

  private DeployedForms() {
  }

  static Optional<FormSchema> ofTask(CommandContext context, TaskEntity task) {
    if (task.getProcessDefinitionId() == null) {
      return Optional.empty();
    }
    return SCHEMAS.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
        ignored -> read(() -> context.runWithoutAuthorization(() -> new GetDeployedTaskFormCmd(task.getId()).execute(context))));
  }

  static Optional<FormSchema> ofStart(CommandContext context, String processDefinitionId) {
    return SCHEMAS.computeIfAbsent(processDefinitionId + "#start",
        ignored -> read(() -> context.runWithoutAuthorization(() -> new GetDeployedStartFormCmd(processDefinitionId).execute(context))));
  }

  /**
   * Empty when the element references no form: the engine says so with a BadUserRequestException. A
   * referenced form that is missing is an error, and not remembered.
   */
  private static Optional<FormSchema> read(Supplier<InputStream> form) {
    InputStream in;
    try {
      in = form.get();
    } catch (NotFoundException missingForm) {
      throw missingForm;
    } catch (BadUserRequestException noForm) {
      return Optional.empty();
    }
    try (in) {
      return Optional.of(FormSchema.read(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

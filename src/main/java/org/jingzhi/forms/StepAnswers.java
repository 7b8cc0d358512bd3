package org.jingzhi.forms;

import static org.jingzhi.engine.TaskCommandFields.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.core.variable.mapping.IoMapping;
import org.camunda.bpm.engine.impl.core.variable.mapping.OutputParameter;
import org.camunda.bpm.engine.impl.core.variable.mapping.value.NullValueProvider;
import org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.Variables;
import org.jingzhi.engine.CommandInterceptors;
import org.springframework.stereotype.Component;

/**
 * A step's answers are created when they are given. A model declares the fields a step's form fills in as the step's
 * own with input parameters without a value (a review's {@code decision}, {@code opinion}, {@code missingMaterials}), so
 * that parallel reviews each answer into their own scope. The engine would create them empty when the step starts, update
 * them when answered and leave the unanswered ones empty to the end: three runtime rows for an answer, two for a field
 * nobody filled in. Here the step's own variable is created when a client writes the field (complete, submit the form,
 * set the task's variables), the same instant the engine writes its value into it: one row.
 *
 * <p>While the step waits, its form reads the case as before; only where the case already holds a variable of an
 * answer's name when the step starts (the window's {@code acceptance} when it accepts a second time) is the step's own
 * created empty at once, so that the form starts empty as it did. Fields left unanswered read as {@code null} for the
 * step's completion listeners and its output mappings, however the step ends, from a variable that is never stored.
 */
@Component
public class StepAnswers extends AbstractProcessEnginePlugin {

  private static final String ANSWERS = "jingzhi.stepAnswers";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> parseListeners = new ArrayList<>();
    if (configuration.getCustomPreBPMNParseListeners() != null) {
      parseListeners.addAll(configuration.getCustomPreBPMNParseListeners());
    }
    parseListeners.add(new DeclaredAnswers());
    configuration.setCustomPreBPMNParseListeners(parseListeners);

    CommandInterceptors.addInside(configuration, new AnswerWrites());
  }

  /** Takes a user task's input parameters without a value out of its input mapping and keeps their names. */
  private static final class DeclaredAnswers extends AbstractBpmnParseListener {
    @Override
    public void parseIoMapping(Element extensionElements, ActivityImpl activity, IoMapping mapping) {
      if (!(activity.getActivityBehavior() instanceof UserTaskActivityBehavior)) {
        return;
      }
      List<String> answers = new ArrayList<>();
      mapping.getInputParameters().removeIf(parameter -> parameter.getValueProvider() instanceof NullValueProvider && answers.add(parameter.getName()));
      if (!answers.isEmpty()) {
        activity.setProperty(ANSWERS, List.copyOf(answers));
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, new ShadowCaseVariables(List.copyOf(answers)), 0);
        if (!mapping.getOutputParameters().isEmpty()) {
          mapping.getOutputParameters().add(0, new UnansweredAsEmpty(List.copyOf(answers)));
        }
      }
    }
  }

  /**
   * First of a step's output mappings, which run whenever the step ends — completed, interrupted, or cancelled with its
   * case: an answer never given reads as {@code null} in the others ({@code ${missingMaterials}}), as the empty variable
   * did, from a transient variable that is never stored. Maps nothing itself.
   */
  private static final class UnansweredAsEmpty extends OutputParameter {
    private final List<String> answers;

    UnansweredAsEmpty(List<String> answers) {
      super("(unanswered)", new NullValueProvider());
      this.answers = answers;
    }

    @Override
    protected void execute(AbstractVariableScope innerScope, AbstractVariableScope outerScope) {
      for (String answer : answers) {
        if (!innerScope.hasVariableLocal(answer)) {
          innerScope.setVariableLocal(answer, Variables.untypedNullValue(true));
        }
      }
    }
  }

  /** At the step's start, where its input mapping ran: an empty answer only where the case holds one of the name. */
  private record ShadowCaseVariables(List<String> answers) implements ExecutionListener {
    @Override
    public void notify(DelegateExecution execution) {
      if (((ExecutionEntity) execution).isSkipIoMappings()) {
        return;
      }
      for (String answer : answers) {
        if (execution.hasVariable(answer)) {
          execution.setVariableLocal(answer, null);
        }
      }
    }
  }

  /**
   * Before a client's write reaches the engine: the step's own variable for every answer written, created empty as the
   * input mapping created it, so that the engine writes the value into it — and the client command guard, whether it runs
   * before or after this, sees the empty field it saw before. At completion, unanswered fields get a transient
   * {@code null}.
   */
  private static final class AnswerWrites extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      if (command instanceof CompleteTaskCmd) {
        declare(COMPLETE_TASK.get(command), COMPLETE_VARIABLES.get(command), true);
      } else if (command instanceof SubmitTaskFormCmd) {
        declare(SUBMIT_TASK.get(command), SUBMIT_VARIABLES.get(command), true);
      } else if (command instanceof SetTaskVariablesCmd && !SET_LOCAL.get(command)) {
        declare(SET_TASK.get(command), SET_VARIABLES.get(command), false);
      } else if (command instanceof PatchTaskVariablesCmd && !PATCH_LOCAL.get(command)) {
        declare(PATCH_TASK.get(command), PATCH_VARIABLES.get(command), false);
      }
      return next.execute(command);
    }

    @SuppressWarnings("unchecked")
    private static void declare(String taskId, Map<String, ?> written, boolean completing) {
      TaskEntity task = taskId == null ? null : Context.getCommandContext().getTaskManager().findTaskById(taskId);
      ExecutionEntity execution = task == null ? null : task.getExecution();
      List<String> answers = execution == null || execution.getActivity() == null ? null : (List<String>) execution.getActivity().getProperty(ANSWERS);
      if (answers == null) {
        return;
      }
      for (String answer : answers) {
        if (execution.hasVariableLocal(answer)) {
          continue;
        }
        if (written != null && written.containsKey(answer)) {
          execution.setVariableLocal(answer, null);
        } else if (completing) {
          execution.setVariableLocal(answer, Variables.untypedNullValue(true));
        }
      }
    }
  }
}

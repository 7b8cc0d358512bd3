package org.jingzhi.forms;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.jingzhi.cases.Texts;
import org.jingzhi.engine.RefusedInputException;

/**
 * Checks on the server what a Camunda Form submitted, with the rules of the form itself: required
 * fields (unless the form's condition hides them), a value outside the offered options, text longer
 * than allowed or not matching the field's pattern. Refusals carry a Chinese message; the task stays
 * open or the case is not started. Runs on completing every user task with a form and on submitting
 * a start form ({@link FormCheckParseListener}).
 */
public class FormSubmissionCheck implements TaskListener, ExecutionListener {

  private static final FeelEngine FEEL = new ScalaFeelEngineFactory().createInstance();
  private static final Pattern SIMPLE_COMPARISON = Pattern.compile("\\s*(\\w+)\\s*(!=|=)\\s*(null|\"([^\"]*)\")\\s*");

  @Override
  public void notify(DelegateTask task) {
    DeployedForms.ofTask(Context.getCommandContext(), (TaskEntity) task).ifPresent(schema -> check(schema, values(schema, task)));
  }

  /**
   * A start through the start form. A case started through our API has been checked against the
   * catalogues instead, which may already know more options than the form lists (a matter type
   * added to the DMN before the form offers it).
   */
  @Override
  public void notify(DelegateExecution execution) {
    CommandInvocationContext invocation = Context.getCommandInvocationContext();
    if (invocation == null || !(invocation.getCommand() instanceof SubmitStartFormCmd)) {
      return;
    }
    DeployedForms.ofStart(Context.getCommandContext(), execution.getProcessDefinitionId())
        .ifPresent(schema -> check(schema, values(schema, execution)));
  }

  /** Only the form's own variables: loading every variable of the case would deserialize all its JSON. */
  private static Map<String, Object> values(FormSchema schema, VariableScope scope) {
    Map<String, Object> values = new HashMap<>();
    for (FormField field : schema.fields) {
      values.put(field.key(), scope.getVariable(field.key()));
    }
    return values;
  }

  static void check(FormSchema schema, Map<String, Object> variables) {
    for (FormField field : schema.fields) {
      if (field.readonly() || hidden(field, variables)) {
        continue;
      }
      Object value = variables.get(field.key());
      if (empty(value)) {
        if (field.required()) {
          throw new RefusedInputException("「" + field.label() + "」为必填项（" + field.key() + "）");
        }
        continue;
      }
      if (field.values() != null) {
        Collection<?> chosen = field.multiple() ? Texts.list(value) : List.of(value);
        for (Object option : chosen) {
          if (!field.values().contains(String.valueOf(option))) {
            throw new RefusedInputException("「" + field.label() + "」的取值无效：" + option + "，可选：" + String.join("、", field.values()));
          }
        }
      }
      String text = value instanceof String string ? string : null;
      if (text != null && field.maxLength() != null && text.length() > field.maxLength()) {
        throw new RefusedInputException("「" + field.label() + "」不超过 " + field.maxLength() + " 字，当前 " + text.length() + " 字");
      }
      if (text != null && field.pattern() != null && !field.pattern().matcher(text).matches()) {
        throw new RefusedInputException("「" + field.label() + "」格式不正确：" + abbreviate(text));
      }
    }
  }

  /**
   * Evaluates the form's FEEL condition as form-js does; a field whose condition fails to evaluate
   * counts as shown. The comparisons forms use most ({@code key = "value"}, {@code key != null}) are
   * decided directly: the FEEL engine builds its whole context for every evaluation, which made
   * this check a fifth of the cost of completing a task.
   */
  private static boolean hidden(FormField field, Map<String, Object> variables) {
    if (field.hideWhen() == null) {
      return false;
    }
    Matcher comparison = SIMPLE_COMPARISON.matcher(field.hideWhen());
    if (comparison.matches() && variables.containsKey(comparison.group(1))) {
      Object value = variables.get(comparison.group(1));
      boolean equal = "null".equals(comparison.group(3)) ? value == null : comparison.group(4).equals(value);
      return "=".equals(comparison.group(2)) == equal;
    }
    try {
      Object result = FEEL.evaluateSimpleExpression(field.hideWhen(), Variables.fromMap(variables).asVariableContext());
      return Boolean.TRUE.equals(result);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean empty(Object value) {
    return value == null || value instanceof String string && string.isBlank() || value instanceof Collection<?> list && list.isEmpty();
  }

  private static String abbreviate(String text) {
    return text.length() > 30 ? text.substring(0, 30) + "…" : text;
  }

}

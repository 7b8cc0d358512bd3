package org.jingzhi.engine;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Input a user submitted (a form, a task completion, a start) that the platform refuses, with a
 * message for the user. It is a form validation failure to the engine, which REST answers with 400
 * (Tasklist shows the message) while the task stays open. Thrown from listeners and delegates;
 * {@link RefusedInputUnwrapping} makes sure callers receive it unwrapped.
 */
public class RefusedInputException extends FormFieldValidationException {

  public RefusedInputException(String message) {
    super(null, message);
  }
}

package org.jingzhi.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.jingzhi.engine.RefusedInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the handler of an event may send with the event-handling form, as Tasklist and as an attacker would. */
class FormVariablesTest {

  static final Map<String, Object> CASE = Map.of("eventNumber", "SJ-20261130-000001", "urgent", false, "levelName", "社区");

  FormVariables form;

  @BeforeEach
  void eventHandlingForm() throws Exception {
    try (InputStream in = Files.newInputStream(Path.of("forms/event-handling.form"))) {
      form = FormVariables.of(FormSchema.read(in));
    }
  }

  @Test
  void takesWhatTasklistSends() {
    var submission = Variables.createVariables().putValue("action", "summon").putValue("note", "请城管到场")
        .putValue("eventNumber", "SJ-20261130-000001").putValue("urgent", false).putValue("levelName", "社区")
        .putValueTyped("departments", Variables.serializedObjectValue("[\"urban\"]").objectTypeName("java.util.ArrayList<java.lang.String>")
            .serializationDataFormat("application/json").create());

    assertThatCode(() -> form.checkWrite(submission, CASE::get)).doesNotThrowAnyException();
    assertThatCode(() -> form.checkWrite(Map.of("departments", List.of("urban", "water")), CASE::get)).doesNotThrowAnyException();
  }

  @Test
  void refusesWhatNoFormSends() {
    assertThatThrownBy(() -> form.checkWrite(Map.of("currentUnit", "990101000000"), CASE::get)).isInstanceOf(RefusedInputException.class)
        .hasMessageContaining("currentUnit");
    assertThatThrownBy(() -> form.checkWrite(Map.of("eventNumber", "SJ-20261130-999999"), CASE::get)).hasMessageContaining("只读项不能修改");
    assertThatThrownBy(() -> form.checkWrite(Variables.createVariables().putValueTyped("departments", Variables.serializedObjectValue("[\"market\"")
        .objectTypeName("java.util.ArrayList").serializationDataFormat("application/json").create()), CASE::get))
        .as("a checklist that is not a list of texts").hasMessageContaining("departments");
    assertThatThrownBy(() -> form.checkWrite(Variables.createVariables().putValueTyped("note", Variables.doubleValue(Double.NaN)), CASE::get))
        .hasMessageContaining("note");
    assertThatThrownBy(() -> form.checkWrite(Variables.createVariables().putValueTyped("note",
        Variables.serializedObjectValue("{}").objectTypeName("java.util.LinkedHashMap").serializationDataFormat("application/json").create()), CASE::get))
        .hasMessageContaining("note");
  }

  @Test
  void comparesAsAFormShowsValues() {
    assertThat(FormVariables.same(3, 3L)).isTrue();
    assertThat(FormVariables.same("", null)).isTrue();
    assertThat(FormVariables.same(List.of("urban"), List.of("urban"))).isTrue();
    assertThat(FormVariables.same(Double.NaN, 1)).isFalse();
    assertThat(FormVariables.same("a", "b")).isFalse();
  }
}

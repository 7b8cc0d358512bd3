package org.jingzhi.forms;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jingzhi.engine.RefusedInputException;
import org.junit.jupiter.api.Test;

/** The rules of our own forms, applied to what a client submits. */
class FormSubmissionCheckTest {

  @Test
  void aMissingRequiredFieldIsRefused() throws Exception {
    assertThatThrownBy(() -> check("supervision", Map.of("supervisionMeasure", "phone")))
        .isInstanceOf(RefusedInputException.class).hasMessage("「督办意见」为必填项（supervisionNote）");
    assertThatThrownBy(() -> check("supervision", Map.of("supervisionMeasure", "phone", "supervisionNote", "   ")))
        .isInstanceOf(RefusedInputException.class);
  }

  @Test
  void aValueOutsideTheOptionsIsRefused() {
    assertThatThrownBy(() -> check("supervision", Map.of("supervisionMeasure", "fine", "supervisionNote", "已督促")))
        .isInstanceOf(RefusedInputException.class).hasMessageContaining("「督办方式」的取值无效：fine");
    assertThatThrownBy(() -> check("department-review", Map.of("decision", "maybe", "opinion", "x")))
        .isInstanceOf(RefusedInputException.class).hasMessageContaining("审查结论");
  }

  @Test
  void tooLongTextIsRefused() {
    assertThatThrownBy(() -> check("issue-result", Map.of("issueNote", "送".repeat(501))))
        .isInstanceOf(RefusedInputException.class).hasMessage("「出件说明」不超过 500 字，当前 501 字");
  }

  @Test
  void patternsAreChecked() {
    Map<String, Object> application = new HashMap<>(Map.of("matterType", "restaurant-opening", "projectName", "x", "applicantName", "张三",
        "applicantPhone", "12345", "materials", "a"));
    assertThatThrownBy(() -> check("joint-approval-start", application)).hasMessageContaining("「联系电话」格式不正确");
    application.put("applicantPhone", "13800138000");
    assertThatCode(() -> check("joint-approval-start", application)).doesNotThrowAnyException();
  }

  @Test
  void aFieldHiddenByItsConditionIsNotRequired() {
    assertThatCode(() -> check("window-acceptance", Map.of("acceptance", "accepted"))).doesNotThrowAnyException();
    assertThatThrownBy(() -> check("window-acceptance", Map.of("acceptance", "supplement")))
        .hasMessageContaining("「需补正的全部材料」为必填项");
  }

  @Test
  void checklistsTakeListsOrCommaSeparatedKeys() {
    assertThatCode(() -> check("event-handling", Map.of("action", "summon", "note", "x", "departments", List.of("urban", "fire"))))
        .doesNotThrowAnyException();
    assertThatCode(() -> check("event-handling", Map.of("action", "summon", "note", "x", "departments", "urban, fire")))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> check("event-handling", Map.of("action", "summon", "note", "x", "departments", List.of("police"))))
        .hasMessageContaining("police");
  }

  @Test
  void readOnlyFieldsAreNotJudged() {
    assertThatCode(() -> check("department-review", Map.of("decision", "approved", "opinion", "同意", "applicantPhone", "not a phone")))
        .doesNotThrowAnyException();
  }

  private static void check(String form, Map<String, Object> variables) throws Exception {
    try (InputStream in = FormSubmissionCheckTest.class.getResourceAsStream("/forms/" + form + ".form")) {
      FormSubmissionCheck.check(FormSchema.read(in), variables);
    }
  }

  @Test
  void otherConditionsAreEvaluatedInFeel() throws Exception {
    String form = "{\"id\":\"feel\",\"components\":[{\"key\":\"amount\",\"type\":\"number\",\"label\":\"金额\"},"
        + "{\"key\":\"reason\",\"type\":\"textfield\",\"label\":\"理由\",\"validate\":{\"required\":true},"
        + "\"conditional\":{\"hide\":\"=amount <= 100\"}}]}";
    FormSchema schema = FormSchema.read(new java.io.ByteArrayInputStream(form.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    assertThatCode(() -> FormSubmissionCheck.check(schema, Map.of("amount", 50))).doesNotThrowAnyException();
    assertThatThrownBy(() -> FormSubmissionCheck.check(schema, Map.of("amount", 500))).hasMessageContaining("「理由」为必填项");
  }
}

package org.jingzhi.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.jingzhi.support.Http;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What Tasklist submits is checked again on the server: refused with a Chinese message, the task stays open. */
@IntegrationTest
class FormSubmissionApiTest {

  @Autowired
  ProcessEngine engine;
  @LocalServerPort
  int port;

  @Test
  void aSupervisionFormWithBadInputIsRefusedAndTheTaskStaysOpen() {
    engine.getIdentityService().clearAuthentication();
    String processInstanceId = engine.getRuntimeService().startProcessInstanceByKey("supervision", "LH-TEST-FORM", Map.of(
        "supervisionSubject", "测试督办", "overdueUnit", "market", "overdueUnitName", "市市场监督管理局",
        "overdueSummary", "测试")).getId();
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
    Http http = new Http(port);
    http.post("supervisor", "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"supervisor\"}");

    Http.Response badMeasure = http.post("supervisor", "/engine-rest/task/" + taskId + "/submit-form",
        "{\"variables\":{\"supervisionMeasure\":{\"value\":\"fine\"},\"supervisionNote\":{\"value\":\"已督促\"}}}");
    Http.Response missingNote = http.post("supervisor", "/engine-rest/task/" + taskId + "/submit-form",
        "{\"variables\":{\"supervisionMeasure\":{\"value\":\"phone\"}}}");
    Http.Response tooLong = http.post("supervisor", "/engine-rest/task/" + taskId + "/submit-form",
        "{\"variables\":{\"supervisionMeasure\":{\"value\":\"phone\"},\"supervisionNote\":{\"value\":\"" + "督".repeat(2001) + "\"}}}");

    assertThat(badMeasure.status()).isEqualTo(400);
    assertThat(badMeasure.body()).contains("「督办方式」的取值无效");
    assertThat(missingNote.status()).isEqualTo(400);
    assertThat(missingNote.body()).contains("「督办意见」为必填项");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.body()).contains("不超过 2000 字");
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).as("still open").isOne();

    assertThat(http.post("supervisor", "/engine-rest/task/" + taskId + "/submit-form",
        "{\"variables\":{\"supervisionMeasure\":{\"value\":\"phone\"},\"supervisionNote\":{\"value\":\"已电话督促\"}}}").status())
        .isEqualTo(204);
  }

  @Test
  void theStartFormIsCheckedWhenTasklistSubmitsIt() {
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("joint-approval").count();
    String form = "{\"variables\":{\"matterType\":{\"value\":\"%s\"},\"projectName\":{\"value\":\"表单测试店\"},"
        + "\"applicantName\":{\"value\":\"张三\"},\"applicantIdNumber\":{\"value\":\"11010519491231002X\"},"
        + "\"applicantPhone\":{\"value\":\"%s\"},\"materials\":{\"value\":\"营业执照申请书\"}}}";
    Http http = new Http(port);

    Http.Response unknownMatter = http.post("window", "/engine-rest/process-definition/key/joint-approval/submit-form",
        String.format(form, "moon-base", "13800138000"));
    Http.Response badPhone = http.post("window", "/engine-rest/process-definition/key/joint-approval/submit-form",
        String.format(form, "restaurant-opening", "110"));

    assertThat(unknownMatter.status()).isEqualTo(400);
    assertThat(unknownMatter.body()).contains("「事项」的取值无效");
    assertThat(badPhone.status()).isEqualTo(400);
    assertThat(badPhone.body()).contains("「联系电话」格式不正确");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("joint-approval").count())
        .isEqualTo(before);
    assertThat(http.post("window", "/engine-rest/process-definition/key/joint-approval/submit-form",
        String.format(form, "restaurant-opening", "13800138000")).status()).isEqualTo(200);
  }

  @Test
  void detailsLeftBlankInTheStartFormBecomeNoVariables() {
    Http.Response started = new Http(port).post("window", "/engine-rest/process-definition/key/joint-approval/submit-form",
        "{\"variables\":{\"matterType\":{\"value\":\"restaurant-opening\"},\"projectName\":{\"value\":\"空项测试店\"},"
            + "\"applicantName\":{\"value\":\"张三\"},\"applicantIdNumber\":{\"value\":\"11010519491231002X\"},"
            + "\"applicantCreditCode\":{\"value\":\"\"},\"applicantEmail\":{\"value\":\" \"},"
            + "\"applicantPhone\":{\"value\":\"13800138000\"},\"materials\":{\"value\":\"营业执照申请书\"}}}");

    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String id = started.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    assertThat(engine.getRuntimeService().getVariables(id)).containsKeys("applicantIdNumber", "applicantPhone")
        .doesNotContainKeys("applicantCreditCode", "applicantEmail");
  }
}

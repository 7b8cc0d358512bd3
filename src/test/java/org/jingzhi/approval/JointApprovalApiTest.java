package org.jingzhi.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.jingzhi.engine.EngineTuning;
import org.jingzhi.support.Http;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The joint approval through HTTP, as the demo users work it: our API plus the engine REST API Tasklist uses. */
@IntegrationTest
class JointApprovalApiTest {

  static final String[] RESTAURANT_DEPARTMENTS = {"market", "fire", "ecology", "urban"};
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  ProcessEngine engine;
  @Autowired
  EngineTuning tuning;
  @LocalServerPort
  int port;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void theWindowSubmitsAndAcceptsAndEachDepartmentSeesOnlyItsOwnTask() throws Exception {
    JsonNode submission = submit("张三餐饮店开业");
    String processInstanceId = submission.get("processInstanceId").asText();
    assertThat(submission.get("caseNumber").asText()).matches("LH-\\d{8}-\\d{6}");
    assertThat(submission.get("queryCode").asText()).matches("[A-Z2-9]{8}");

    accept(processInstanceId);

    for (String department : RESTAURANT_DEPARTMENTS) {
      JsonNode tasks = json(http.get(department, "/engine-rest/task?processInstanceId=" + processInstanceId));
      assertThat(tasks).as(department).hasSize(1);
      assertThat(tasks.get(0).get("name").asText()).endsWith("审查：张三餐饮店开业");
      assertThat(tasks.get(0).get("due").asText()).isNotBlank();
    }
    assertThat(json(http.get("market", "/engine-rest/task?processInstanceId=" + processInstanceId)).get(0).get("name").asText())
        .isEqualTo("市场监管局审查：张三餐饮店开业");
    assertThat(json(http.get("liuan", "/engine-rest/task?processInstanceId=" + processInstanceId))).isEmpty();
    assertThat(json(http.get("health", "/engine-rest/task?processInstanceId=" + processInstanceId))).as("not a restaurant department").isEmpty();
  }

  @Test
  void allDepartmentsCompletingAtTheSameMomentAllSucceed() throws Exception {
    long rerunsBefore = tuning.optimisticLockingRetry().reruns();
    for (int round = 0; round < 3; round++) {
      String processInstanceId = submit("并发餐饮店开业" + round).get("processInstanceId").asText();
      accept(processInstanceId);
      List<String[]> work = new ArrayList<>();
      for (String department : RESTAURANT_DEPARTMENTS) {
        String taskId = json(http.get(department, "/engine-rest/task?processInstanceId=" + processInstanceId)).get(0).get("id").asText();
        assertThat(http.post(department, "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + department + "\"}").status()).isEqualTo(204);
        work.add(new String[] {department, taskId});
      }

      List<Integer> statuses = completeAllAtOnce(work);

      assertThat(statuses).as("round " + round).containsOnly(204);
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey("issueResult").count())
          .isOne();
    }
    System.out.println("Concurrent completions: " + (tuning.optimisticLockingRetry().reruns() - rerunsBefore)
        + " optimistic-locking conflicts were retried, none reached a user");
  }

  @Test
  void staffSeeTheCaseWithDepartmentsDueDatesAndTimeline() throws Exception {
    JsonNode submission = submit("吴九餐饮店开业");
    String caseNumber = submission.get("caseNumber").asText();
    String processInstanceId = submission.get("processInstanceId").asText();
    accept(processInstanceId);
    completeReview(processInstanceId, "market", "{\"decision\":{\"value\":\"approved\"},\"opinion\":{\"value\":\"证照齐全\"}}");

    JsonNode view = json(http.get("window", "/api/joint-approvals/" + caseNumber));
    assertThat(view.get("status").asText()).isEqualTo("REVIEWING");
    assertThat(view.get("statusLabel").asText()).isEqualTo("部门审查中");
    assertThat(view.get("departments")).hasSize(4);
    JsonNode market = department(view, "market");
    assertThat(market.get("status").asText()).isEqualTo("APPROVED");
    assertThat(market.get("opinion").asText()).isEqualTo("证照齐全");
    assertThat(market.get("reviewer").asText()).isEqualTo("market");
    JsonNode fire = department(view, "fire");
    assertThat(fire.get("status").asText()).isEqualTo("REVIEWING");
    assertThat(fire.get("dueDate").asText()).as("a deadline in the city's time, with its offset").matches("\\d{4}-\\d{2}-\\d{2}T23:59:59\\.000\\+08:00");
    assertThat(view.get("submittedAt").asText()).endsWith("+08:00");
    assertThat(fire.get("overdue").asBoolean()).isFalse();
    assertThat(view.get("timeline").toString()).contains("窗口受理：吴九餐饮店开业", "\"actor\":\"window\"", "市场监管局审查：吴九餐饮店开业",
        "\"actor\":\"market\"");

    JsonNode asFire = json(http.get("fire", "/api/joint-approvals/" + caseNumber));
    assertThat(department(asFire, "market").get("status").asText()).as("progress is shared").isEqualTo("APPROVED");
    assertThat(department(asFire, "market").has("opinion")).as("another department's opinion is not").isFalse();
    assertThat(http.get("supervisor", "/api/joint-approvals/" + caseNumber).status()).isEqualTo(200);
    assertThat(http.get("liuan", "/api/joint-approvals/" + caseNumber).status()).isEqualTo(404);
    assertThat(http.get("health", "/api/joint-approvals/" + caseNumber).status()).isEqualTo(404);
    assertThat(http.get(null, "/api/joint-approvals/" + caseNumber).status()).isEqualTo(401);
  }

  @Test
  void theApplicantSeesProgressWithPersonalDataMaskedAndNoStaffIdentities() throws Exception {
    JsonNode submission = submit("郑十餐饮店开业");
    String caseNumber = submission.get("caseNumber").asText();
    accept(submission.get("processInstanceId").asText());
    completeReview(submission.get("processInstanceId").asText(), "market",
        "{\"decision\":{\"value\":\"approved\"},\"opinion\":{\"value\":\"同意\"}}");

    Http.Response response = http.get(null, "/api/public/cases/" + caseNumber + "?queryCode=" + submission.get("queryCode").asText());

    assertThat(response.status()).isEqualTo(200);
    JsonNode view = json(response);
    assertThat(view.get("applicant").get("name").asText()).isEqualTo("张*");
    assertThat(view.get("applicant").get("phone").asText()).isEqualTo("138****8000");
    assertThat(view.get("applicant").get("idNumber").asText()).isEqualTo("1101**********002X");
    assertThat(view.get("statusLabel").asText()).isEqualTo("部门审查中");
    assertThat(view.get("departments")).hasSize(4);
    assertThat(response.body()).doesNotContain("13800138000", "11010519491231002X", "\"window\"", "\"market\"", "reviewer", "opinion",
        "processInstanceId");
  }

  @Test
  void aWrongQueryCodeLooksLikeAnUnknownCase() throws Exception {
    String caseNumber = submit("钱一餐饮店开业").get("caseNumber").asText();

    Http.Response wrong = http.get(null, "/api/public/cases/" + caseNumber + "?queryCode=WRONG234");
    Http.Response missing = http.get(null, "/api/public/cases/" + caseNumber);
    Http.Response unknown = http.get(null, "/api/public/cases/LH-20260101-999999?queryCode=WRONG234");

    assertThat(wrong.status()).isEqualTo(404);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(json(wrong).get("message")).isEqualTo(json(unknown).get("message"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"matterType\":\"bakery-opening\",\"projectName\":\"x\",\"applicant\":{\"name\":\"张三\",\"idNumber\":\"11010519491231002X\",\"phone\":\"13800138000\"},\"materials\":[\"a\"]}",
      "{\"matterType\":\"restaurant-opening\",\"projectName\":\"x\",\"materials\":[\"a\"]}",
      "{\"matterType\":\"restaurant-opening\",\"projectName\":\"x\",\"applicant\":{\"name\":\"张三\",\"idNumber\":\"110105194912310021\",\"phone\":\"13800138000\"},\"materials\":[\"a\"]}",
      "{\"matterType\":\"restaurant-opening\",\"projectName\":\"x\",\"applicant\":{\"name\":\"张三\",\"idNumber\":\"11010519491231002X\",\"phone\":\"12345\"},\"materials\":[\"a\"]}",
      "{\"matterType\":\"restaurant-opening\",\"projectName\":\"x\",\"applicant\":{\"name\":\"张三\",\"idNumber\":\"11010519491231002X\",\"phone\":\"13800138000\"},\"materials\":[]}",
      "{\"matterType\":\"restaurant-opening\",\"projectName\":\"x\",\"applicant\":{\"name\":\"张三\",\"idNumber\":\"11010519491231002X\",\"creditCode\":\"91350100M000100Y43\",\"phone\":\"13800138000\"},\"materials\":[\"a\"]}",
      "{\"matterType\":\"restaurant-opening\",\"projectName\":\"x\",\"applicant\":\"张三\",\"materials\":[\"a\"]}",
      "{\"matterType\":\"restaurant-opening\",",
      ""})
  void badApplicationsAreRefusedWithAMessageAndCreateNothing(String body) throws Exception {
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("joint-approval").count();

    Http.Response response = http.post("window", "/api/joint-approvals", body);

    assertThat(response.status()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).isNotBlank();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("joint-approval").count()).isEqualTo(before);
  }

  @Test
  void onlyTheWindowSubmits() {
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("joint-approval").count();

    assertThat(http.post("market", "/api/joint-approvals", application("x")).status()).isEqualTo(403);
    assertThat(http.post(null, "/api/joint-approvals", application("x")).status()).isEqualTo(401);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("joint-approval").count()).isEqualTo(before);
  }

  @Test
  void supplementsAreTakenOnlyWhileTheCaseWaitsForThem() throws Exception {
    JsonNode submission = submit("孙七餐饮店开业");
    String caseNumber = submission.get("caseNumber").asText();
    String supplement = "{\"materials\":[\"房屋租赁合同\"],\"note\":\"申请人当面补交\"}";

    assertThat(http.post("window", "/api/joint-approvals/" + caseNumber + "/supplements", supplement).status()).as("not waiting").isEqualTo(409);

    String taskId = windowTask(submission.get("processInstanceId").asText());
    http.post("window", "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"window\"}");
    assertThat(http.post("window", "/engine-rest/task/" + taskId + "/complete",
        "{\"variables\":{\"acceptance\":{\"value\":\"supplement\"},\"missingMaterials\":{\"value\":\"房屋租赁合同\"}}}").status()).isEqualTo(204);

    assertThat(http.post("window", "/api/joint-approvals/" + caseNumber + "/supplements", "{\"materials\":[]}").status()).isEqualTo(400);
    assertThat(http.post("market", "/api/joint-approvals/" + caseNumber + "/supplements", supplement).status()).isEqualTo(403);
    assertThat(http.post("window", "/api/joint-approvals/LH-20200101-000001/supplements", supplement).status()).isEqualTo(404);
    assertThat(json(http.get("window", "/api/joint-approvals/" + caseNumber)).get("status").asText()).isEqualTo("WAITING_FOR_SUPPLEMENT");

    Http.Response accepted = http.post("window", "/api/joint-approvals/" + caseNumber + "/supplements", supplement);

    assertThat(accepted.status()).isEqualTo(200);
    assertThat(json(accepted).get("status").asText()).isEqualTo("ACCEPTING");
  }

  @Test
  void aSupplementToAnEndedCaseIsAConflictThatSaysSo() throws Exception {
    JsonNode submission = submit("已办结餐饮店");
    String caseNumber = submission.get("caseNumber").asText();
    String taskId = windowTask(submission.get("processInstanceId").asText());
    http.post("window", "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"window\"}");
    assertThat(http.post("window", "/engine-rest/task/" + taskId + "/complete",
        "{\"variables\":{\"acceptance\":{\"value\":\"rejected\"},\"opinion\":{\"value\":\"不属于本中心受理范围\"}}}").status()).isEqualTo(204);

    Http.Response ended = http.post("window", "/api/joint-approvals/" + caseNumber + "/supplements", "{\"materials\":[\"房屋租赁合同\"]}");

    assertThat(ended.status()).as(ended.body()).isEqualTo(409);
    assertThat(json(ended).get("message").asText()).contains(caseNumber, "已办结");
  }

  @Test
  void aTaskCompletionWithAnInvalidDecisionIsA400AndTheTaskStaysOpen() throws Exception {
    JsonNode submission = submit("褚三餐饮店开业");
    String processInstanceId = submission.get("processInstanceId").asText();
    accept(processInstanceId);
    String taskId = json(http.get("market", "/engine-rest/task?processInstanceId=" + processInstanceId)).get(0).get("id").asText();

    Http.Response response = http.post("market", "/engine-rest/task/" + taskId + "/complete",
        "{\"variables\":{\"decision\":{\"value\":\"maybe\"},\"opinion\":{\"value\":\"x\"}}}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("审查结论须为");
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isOne();
  }

  private JsonNode submit(String projectName) throws Exception {
    Http.Response response = http.post("window", "/api/joint-approvals", application(projectName));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return json(response);
  }

  private static String application(String projectName) {
    return "{\"matterType\":\"restaurant-opening\",\"projectName\":\"" + projectName + "\","
        + "\"applicant\":{\"name\":\"张三\",\"idNumber\":\"11010519491231002X\",\"phone\":\"13800138000\"},"
        + "\"materials\":[\"营业执照申请书\",\"场地使用证明\"]}";
  }

  private void accept(String processInstanceId) throws Exception {
    String taskId = windowTask(processInstanceId);
    assertThat(http.post("window", "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"window\"}").status()).isEqualTo(204);
    assertThat(http.post("window", "/engine-rest/task/" + taskId + "/complete",
        "{\"variables\":{\"acceptance\":{\"value\":\"accepted\"},\"opinion\":{\"value\":\"材料齐全\"}}}").status()).isEqualTo(204);
  }

  private String windowTask(String processInstanceId) throws Exception {
    JsonNode tasks = json(http.get("window", "/engine-rest/task?processInstanceId=" + processInstanceId + "&taskDefinitionKey=windowAcceptance"));
    return tasks.get(0).get("id").asText();
  }

  private void completeReview(String processInstanceId, String department, String variables) throws Exception {
    String taskId = json(http.get(department, "/engine-rest/task?processInstanceId=" + processInstanceId)).get(0).get("id").asText();
    http.post(department, "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + department + "\"}");
    assertThat(http.post(department, "/engine-rest/task/" + taskId + "/complete", "{\"variables\":" + variables + "}").status()).isEqualTo(204);
  }

  private List<Integer> completeAllAtOnce(List<String[]> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(work.size());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (String[] item : work) {
        Callable<Integer> completion = () -> {
          start.await();
          return http.post(item[0], "/engine-rest/task/" + item[1] + "/complete",
              "{\"variables\":{\"decision\":{\"value\":\"approved\"},\"opinion\":{\"value\":\"同意\"}}}").status();
        };
        results.add(pool.submit(completion));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> result : results) {
        statuses.add(result.get());
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  private static JsonNode department(JsonNode view, String department) {
    for (JsonNode node : view.get("departments")) {
      if (node.get("department").asText().equals(department)) {
        return node;
      }
    }
    throw new AssertionError("no department " + department + " in " + view);
  }

  private static JsonNode json(Http.Response response) throws Exception {
    return JSON.readTree(response.body());
  }
}

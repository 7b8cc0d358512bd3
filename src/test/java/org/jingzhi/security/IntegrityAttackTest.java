package org.jingzhi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jingzhi.support.EngineApi;
import org.jingzhi.support.Http;
import org.jingzhi.support.IntegrationTest;
import org.jingzhi.support.Users;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Replays, as the demo users, the attacks on the first landed build (issue 8), through the engine
 * REST API and through the webapps' engine API. Every one of them worked then; each test fails if
 * its attack succeeds. A restaurant-opening case is in review by market, fire, ecology and urban.
 */
@IntegrationTest
class IntegrityAttackTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String LIUAN = "990101001001";
  static final String FORGED_REVIEW = "{\"type\":\"Object\",\"value\":\"{\\\"department\\\":\\\"fire\\\",\\\"decision\\\":\\\"approved\\\","
      + "\\\"opinion\\\":\\\"同意\\\",\\\"round\\\":1}\",\"valueInfo\":{\"objectTypeName\":\"java.util.LinkedHashMap\","
      + "\"serializationDataFormat\":\"application/json\"}}";

  @Autowired
  ProcessEngine engine;
  @LocalServerPort
  int port;

  Http http;
  String caseNumber;
  String queryCode;
  String processInstanceId;

  static Stream<String> doors() {
    return Stream.of("rest", "webapp");
  }

  EngineApi door(String name) {
    return name.equals("rest") ? EngineApi.rest(port) : EngineApi.webapp(port);
  }

  @BeforeEach
  void aRestaurantCaseInReview() throws Exception {
    engine.getIdentityService().clearAuthentication();
    http = new Http(port);
    Http.Response submitted = http.post("window", "/api/joint-approvals", "{\"matterType\":\"restaurant-opening\",\"projectName\":\"攻击测试餐饮店\","
        + "\"applicant\":{\"name\":\"张三\",\"idNumber\":\"11010519491231002X\",\"phone\":\"13800138000\"},\"materials\":[\"营业执照申请书\"]}");
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
    JsonNode submission = JSON.readTree(submitted.body());
    caseNumber = submission.get("caseNumber").asText();
    queryCode = submission.get("queryCode").asText();
    processInstanceId = submission.get("processInstanceId").asText();
    String window = taskOf("service-center");
    http.post("window", "/engine-rest/task/" + window + "/claim", "{\"userId\":\"window\"}");
    assertThat(http.post("window", "/engine-rest/task/" + window + "/complete",
        "{\"variables\":{\"acceptance\":{\"value\":\"accepted\"},\"opinion\":{\"value\":\"材料齐全\"}}}").status()).isEqualTo(204);
  }

  @AfterEach
  void logOut() {
    engine.getIdentityService().clearAuthentication();
  }

  /** Finding 1: urban completed its review with fire's review, the query code and the applicant's phone. */
  @ParameterizedTest
  @MethodSource("doors")
  void aDepartmentCannotForgeAnotherDepartmentsReview(String doorName) throws Exception {
    EngineApi api = door(doorName);
    review("fire", "rejected", "消防通道不合格");
    String urbanTask = claimedTaskOf("urban");

    Http.Response attack = api.post("urban", "/task/" + urbanTask + "/complete", "{\"variables\":{\"decision\":{\"value\":\"approved\"},"
        + "\"opinion\":{\"value\":\"同意\"},\"review_fire\":" + FORGED_REVIEW + ",\"queryCode\":{\"value\":\"HACKED22\"},"
        + "\"applicantPhone\":{\"value\":\"13900000000\"}}}");

    assertThat(attack.status()).as(attack.body()).isEqualTo(400);
    assertThat(attack.body()).contains("review_fire", "queryCode", "applicantPhone", "不能写入");
    assertThat(engine.getTaskService().createTaskQuery().taskId(urbanTask).count()).as("urban's task stays open").isOne();
    assertThat(reviewOf("fire").get("decision")).isEqualTo("rejected");
    assertThat(engine.getRuntimeService().getVariable(processInstanceId, "queryCode")).isEqualTo(queryCode);
    assertThat(engine.getRuntimeService().getVariable(processInstanceId, "applicantPhone")).isEqualTo("13800138000");
    assertThat(http.get(null, "/api/public/cases/" + caseNumber + "?queryCode=" + queryCode).status()).isEqualTo(200);
    assertThat(http.get(null, "/api/public/cases/" + caseNumber + "?queryCode=HACKED22").status()).isEqualTo(404);

    Http.Response honest = api.post("urban", "/task/" + urbanTask + "/submit-form",
        "{\"variables\":{\"decision\":{\"value\":\"approved\"},\"opinion\":{\"value\":\"同意\"},\"projectName\":{\"value\":\"攻击测试餐饮店\"},"
            + "\"caseNumber\":{\"value\":\"" + caseNumber + "\"},\"applicantCreditCode\":{\"value\":\"\"}}}");
    assertThat(honest.status()).as("Tasklist sends the read-only fields back unchanged: " + honest.body()).isEqualTo(204);
  }

  /** Finding 1 by the case's own variable endpoints: a department that works on the case writes none of its variables. */
  @ParameterizedTest
  @MethodSource("doors")
  void aDepartmentWritesNoVariableOfTheCaseThroughItsInstanceOrExecution(String doorName) throws Exception {
    EngineApi api = door(doorName);
    review("fire", "rejected", "消防通道不合格");
    String urbanTask = claimedTaskOf("urban");
    String urbanExecution = engine.getTaskService().createTaskQuery().taskId(urbanTask).singleResult().getExecutionId();
    long variables = engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(processInstanceId).count();

    Map<String, Http.Response> writes = Map.of(
        "modify the case's variables", api.post("urban", "/process-instance/" + processInstanceId + "/variables",
            "{\"modifications\":{\"review_fire\":" + FORGED_REVIEW + ",\"queryCode\":{\"value\":\"HACKED22\"}}}"),
        "put one case variable", api.put("urban", "/process-instance/" + processInstanceId + "/variables/queryCode", "{\"value\":\"HACKED22\"}"),
        "delete one case variable", api.send("urban", "DELETE", "/process-instance/" + processInstanceId + "/variables/applicantPhone", null),
        "modify the review's execution", api.post("urban", "/execution/" + urbanExecution + "/localVariables",
            "{\"modifications\":{\"department\":{\"value\":\"fire\"}}}"),
        "put on the review's execution", api.put("urban", "/execution/" + urbanExecution + "/localVariables/department", "{\"value\":\"fire\"}"));

    writes.forEach((what, response) -> assertThat(response.status()).as(what + ": " + response.body()).isIn(400, 403, 404));
    assertThat(reviewOf("fire").get("decision")).isEqualTo("rejected");
    assertThat(engine.getRuntimeService().getVariable(processInstanceId, "queryCode")).isEqualTo(queryCode);
    assertThat(engine.getRuntimeService().getVariable(processInstanceId, "applicantPhone")).isEqualTo("13800138000");
    assertThat(engine.getRuntimeService().getVariable(urbanExecution, "department")).isEqualTo("urban");
    assertThat(engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(processInstanceId).count()).isEqualTo(variables);
  }

  /** Tasklist's way of sending a checklist (a Null-typed variable carrying JSON) smuggles nothing past the form's rules. */
  @ParameterizedTest
  @MethodSource("doors")
  void aNullTypedListIsCheckedAsAnyOtherValue(String doorName) throws Exception {
    EngineApi api = door(doorName);
    String marketTask = claimedTaskOf("market");

    Http.Response listAsOpinion = api.post("market", "/task/" + marketTask + "/submit-form", "{\"variables\":{\"decision\":{\"value\":\"approved\"},"
        + "\"opinion\":{\"type\":\"Null\",\"value\":\"[\\\"同意\\\"]\"}}}");
    Http.Response listAsReadOnly = api.post("market", "/task/" + marketTask + "/submit-form", "{\"variables\":{\"decision\":{\"value\":\"approved\"},"
        + "\"opinion\":{\"value\":\"同意\"},\"projectName\":{\"type\":\"Null\",\"value\":\"[\\\"另一个项目\\\"]\"}}}");
    Http.Response scalar = api.post("market", "/task/" + marketTask + "/submit-form", "{\"variables\":{\"decision\":{\"type\":\"Null\","
        + "\"value\":\"approved\"},\"opinion\":{\"value\":\"同意\"}}}");

    assertThat(listAsOpinion.status()).as(listAsOpinion.body()).isEqualTo(400);
    assertThat(listAsOpinion.body()).contains("取值类型", "opinion");
    assertThat(listAsReadOnly.status()).as(listAsReadOnly.body()).isEqualTo(400);
    assertThat(listAsReadOnly.body()).contains("projectName");
    assertThat(scalar.status()).as("a Null-typed text is left to the REST layer: " + scalar.body()).isEqualTo(400);
    assertThat(engine.getTaskService().createTaskQuery().taskId(marketTask).count()).as("market's task stays open").isOne();
    assertThat(reviewOf("market")).isNull();
  }

  /** Finding 2: ecology completed its task with department=fire; a read-only field changed is refused too. */
  @ParameterizedTest
  @MethodSource("doors")
  void aDepartmentCannotActInAnotherDepartmentsName(String doorName) throws Exception {
    EngineApi api = door(doorName);
    String ecologyTask = claimedTaskOf("ecology");

    Http.Response asFire = api.post("ecology", "/task/" + ecologyTask + "/complete",
        "{\"variables\":{\"decision\":{\"value\":\"approved\"},\"opinion\":{\"value\":\"同意\"},\"department\":{\"value\":\"fire\"}}}");
    Http.Response renamed = api.post("ecology", "/task/" + ecologyTask + "/submit-form",
        "{\"variables\":{\"decision\":{\"value\":\"approved\"},\"opinion\":{\"value\":\"同意\"},\"projectName\":{\"value\":\"另一个项目\"}}}");
    Http.Response localDepartment = api.put("ecology", "/task/" + ecologyTask + "/localVariables/department", "{\"value\":\"fire\"}");

    assertThat(asFire.status()).as(asFire.body()).isEqualTo(400);
    assertThat(asFire.body()).contains("department");
    assertThat(renamed.status()).as(renamed.body()).isEqualTo(400);
    assertThat(renamed.body()).contains("只读项不能修改", "projectName");
    assertThat(localDepartment.status()).as("a unit may set no task variable outside its completion: " + localDepartment.body()).isEqualTo(403);
    assertThat(engine.getTaskService().createTaskQuery().taskId(ecologyTask).count()).isOne();
    assertThat(engine.getTaskService().getVariable(ecologyTask, "department")).isEqualTo("ecology");
    assertThat(reviewOf("fire")).isNull();

    assertThat(api.post("ecology", "/task/" + ecologyTask + "/complete",
        "{\"variables\":{\"decision\":{\"value\":\"approved\"},\"opinion\":{\"value\":\"同意\"}}}").status()).isEqualTo(204);
    assertThat(reviewOf("ecology").get("department")).as("the review is the task's own department's").isEqualTo("ecology");
    assertThat(reviewOf("fire")).isNull();
  }

  /** Finding 3: cases and events started mid-way under a chosen number. */
  @ParameterizedTest
  @MethodSource("doors")
  void nobodyButAnAdministratorStartsMidWayOrChoosesTheNumber(String doorName) throws Exception {
    EngineApi api = door(doorName);
    long instances = engine.getRuntimeService().createProcessInstanceQuery().count();

    Http.Response issueForged = api.post("window", "/process-definition/key/joint-approval/start", "{\"businessKey\":\"" + caseNumber + "\","
        + "\"variables\":{\"projectName\":{\"value\":\"伪造的准予许可\"},\"caseDue\":{\"value\":\"2026-12-31T23:59:59.000+0800\",\"type\":\"Date\"}},"
        + "\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"issueResult\"}]}");
    Http.Response chosenNumber = api.post("window", "/process-definition/key/joint-approval/start", "{\"businessKey\":\"" + caseNumber + "\","
        + "\"variables\":{\"matterType\":{\"value\":\"restaurant-opening\"},\"projectName\":{\"value\":\"重号\"},\"applicantName\":{\"value\":\"李四\"},"
        + "\"applicantIdNumber\":{\"value\":\"11010519491231002X\"},\"applicantPhone\":{\"value\":\"13800138000\"},\"materials\":{\"value\":\"申请书\"}}}");
    Http.Response foreignVariables = api.post("window", "/process-definition/key/joint-approval/submit-form",
        "{\"variables\":{\"matterType\":{\"value\":\"restaurant-opening\"},\"projectName\":{\"value\":\"带私货\"},\"applicantName\":{\"value\":\"李四\"},"
            + "\"applicantIdNumber\":{\"value\":\"11010519491231002X\"},\"applicantPhone\":{\"value\":\"13800138000\"},\"materials\":{\"value\":\"申请书\"},"
            + "\"caseDue\":{\"value\":\"2099-01-01T00:00:00.000+0800\",\"type\":\"Date\"}}}");
    Http.Response districtEvent = api.post("liuan", "/process-definition/key/escalation-chain/start", "{\"businessKey\":\"SJ-20261130-999999\","
        + "\"variables\":{\"currentLevel\":{\"value\":\"district\"},\"currentUnit\":{\"value\":\"990102000000\"}},"
        + "\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"handleBelowCity\"}]}");
    Http.Response eventUnderANumber = api.post("liuan", "/process-definition/key/escalation-chain/start", "{\"businessKey\":\"SJ-20261130-999998\","
        + "\"variables\":{\"category\":{\"value\":\"noise\"},\"description\":{\"value\":\"自选编号\"},\"communityCode\":{\"value\":\"990101001001\"},"
        + "\"address\":{\"value\":\"柳岸路1号\"},\"channel\":{\"value\":\"grid\"}}}");
    Http.Response modification = api.post("window", "/process-instance/" + processInstanceId + "/modification",
        "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"issueResult\"}]}");
    Http.Response restart = api.post("window", "/process-definition/" + definitionId() + "/restart",
        "{\"processInstanceIds\":[\"" + processInstanceId + "\"],\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"issueResult\"}]}");
    Http.Response migration = api.post("window", "/migration/generate",
        "{\"sourceProcessDefinitionId\":\"" + definitionId() + "\",\"targetProcessDefinitionId\":\"" + definitionId() + "\"}");

    assertThat(issueForged.status()).as(issueForged.body()).isEqualTo(403);
    assertThat(chosenNumber.status()).as(chosenNumber.body()).isEqualTo(400);
    assertThat(chosenNumber.body()).contains("业务编号");
    assertThat(foreignVariables.status()).as(foreignVariables.body()).isEqualTo(400);
    assertThat(foreignVariables.body()).contains("caseDue");
    assertThat(districtEvent.status()).as(districtEvent.body()).isEqualTo(403);
    assertThat(eventUnderANumber.status()).as("an event at its start event, but under a chosen number: " + eventUnderANumber.body())
        .isEqualTo(400);
    assertThat(eventUnderANumber.body()).contains("业务编号");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("SJ-20261130-999998").count()).isZero();
    assertThat(modification.status()).as(modification.body()).isEqualTo(403);
    assertThat(restart.status()).as(restart.body()).isEqualTo(403);
    assertThat(migration.status()).as(migration.body()).isEqualTo(403);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).as("nothing started").isEqualTo(instances);
    assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey("issueResult").processInstanceBusinessKey(caseNumber).count()).isZero();
  }

  /** What an administrator may still create (a repair start under an existing number) does not break the views. */
  @ParameterizedTest
  @MethodSource("doors")
  void theViewsTolerateADuplicateNumberAnAdministratorCreated(String doorName) throws Exception {
    Http.Response adminStart = door(doorName).post("demo", "/process-definition/key/joint-approval/start", "{\"businessKey\":\"" + caseNumber + "\","
        + "\"variables\":{\"projectName\":{\"value\":\"管理员修复\"},\"caseDue\":{\"value\":\"2026-12-31T23:59:59.000+0800\",\"type\":\"Date\"}},"
        + "\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"issueResult\"}]}");
    assertThat(adminStart.status()).as(adminStart.body()).isEqualTo(200);

    Http.Response staff = http.get("window", "/api/joint-approvals/" + caseNumber);
    Http.Response applicant = http.get(null, "/api/public/cases/" + caseNumber + "?queryCode=" + queryCode);

    assertThat(staff.status()).as(staff.body()).isEqualTo(200);
    assertThat(JSON.readTree(staff.body()).get("processInstanceId").asText()).as("the original case answers").isEqualTo(processInstanceId);
    assertThat(applicant.status()).as(applicant.body()).isEqualTo(200);
    assertThat(applicant.body()).contains("攻击测试餐饮店").doesNotContain("管理员修复");

    Http.Response extension = http.post("fire", "/api/joint-approvals/" + caseNumber + "/extensions", "{\"reason\":\"需现场核查\"}");
    Http.Response excluded = http.post("market", "/api/joint-approvals/" + caseNumber + "/excluded-periods",
        "{\"kind\":\"testing\",\"expectedWorkingDays\":5,\"reason\":\"送第三方检测\"}");
    assertThat(extension.status()).as("an extension of the original case: " + extension.body()).isEqualTo(200);
    assertThat(excluded.status()).as("excluded time of the original case: " + excluded.body()).isEqualTo(200);
  }

  @ParameterizedTest
  @MethodSource("doors")
  void anEventsExtensionFindsTheEventEvenWithADuplicateNumberAnAdministratorCreated(String doorName) throws Exception {
    Http.Response reported = http.post("hotline", "/api/events", "{\"category\":\"noise\",\"description\":\"重号测试：夜间噪声\","
        + "\"communityCode\":\"990101001001\",\"address\":\"柳岸社区 1 号楼\",\"channel\":\"hotline\"}");
    assertThat(reported.status()).as(reported.body()).isEqualTo(201);
    String eventNumber = JSON.readTree(reported.body()).get("eventNumber").asText();
    Http.Response adminStart = door(doorName).post("demo", "/process-definition/key/escalation-chain/start", "{\"businessKey\":\""
        + eventNumber + "\",\"variables\":{\"eventNumber\":{\"value\":\"" + eventNumber + "\"},\"categoryName\":{\"value\":\"管理员修复\"}},"
        + "\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"returnVisit\"}]}");
    assertThat(adminStart.status()).as(adminStart.body()).isEqualTo(200);

    Http.Response extension = http.post("liuan", "/api/events/" + eventNumber + "/extensions", "{\"reason\":\"需协调产权单位\",\"workingDays\":3}");

    assertThat(extension.status()).as("the reported event's extension: " + extension.body()).isEqualTo(200);
    assertThat(http.get("liuan", "/api/events/" + eventNumber).body()).contains("重号测试：夜间噪声");
  }

  /** Finding 4: departments read each other's opinions through the engine's variable endpoints. */
  @ParameterizedTest
  @MethodSource("doors")
  void aDepartmentReadsNoOtherDepartmentsOpinion(String doorName) throws Exception {
    EngineApi api = door(doorName);
    review("market", "approved", "市场监管局的内部意见");
    String fireTask = claimedTaskOf("fire");

    Map<String, Http.Response> reads = Map.of(
        "process variables", api.get("fire", "/process-instance/" + processInstanceId + "/variables"),
        "one process variable", api.get("fire", "/process-instance/" + processInstanceId + "/variables/review_market"),
        "variable instances", api.get("fire", "/variable-instance?processInstanceIdIn=" + processInstanceId),
        "historic variables", api.get("fire", "/history/variable-instance?processInstanceId=" + processInstanceId),
        "historic details", api.get("fire", "/history/detail?processInstanceId=" + processInstanceId),
        "task variables", api.get("fire", "/task/" + fireTask + "/variables"),
        "one task variable", api.get("fire", "/task/" + fireTask + "/variables/review_market"),
        "form variables", api.get("fire", "/task/" + fireTask + "/form-variables"),
        "named form variables", api.get("fire", "/task/" + fireTask + "/form-variables?variableNames=review_market,queryCode"));

    String firstOfCode = queryCode.substring(0, 1);
    Http.Response likeOracle = api.get("fire", "/process-instance?variables=queryCode_like_" + firstOfCode + "%25");
    Http.Response taskOracle = api.post("fire", "/task", "{\"processVariables\":[{\"name\":\"queryCode\",\"operator\":\"like\",\"value\":\""
        + firstOfCode + "%\"}]}");
    Http.Response byNumber = api.get("fire", "/task?processVariables=caseNumber_eq_" + caseNumber);
    assertThat(likeOracle.status()).as("guessing a variable one like at a time: " + likeOracle.body()).isEqualTo(400);
    assertThat(taskOracle.status()).as(taskOracle.body()).isEqualTo(400);
    assertThat(byNumber.status()).isEqualTo(200);
    assertThat(byNumber.body()).as("finding a case by its number still works").contains(fireTask);

    reads.forEach((what, response) -> {
      assertThat(response.status()).as(what).isLessThan(500);
      assertThat(response.body()).as(what).doesNotContain("市场监管局的内部意见", "review_market\":{", queryCode);
    });
    assertThat(reads.get("form variables").status()).isEqualTo(200);
    assertThat(reads.get("form variables").body()).as("Tasklist still loads what the form shows").contains("projectName", "攻击测试餐饮店", "applicantName");
    assertThat(http.get("supervisor", "/engine-rest/process-instance/" + processInstanceId + "/variables").body())
        .as("supervision reads everything").contains("市场监管局的内部意见");
    assertThat(http.get("supervisor", "/engine-rest/history/variable-instance?processInstanceId=" + processInstanceId).body())
        .contains("市场监管局的内部意见");
    assertThat(JSON.readTree(http.get("market", "/api/joint-approvals/" + caseNumber).body()).toString())
        .as("market reads its own opinion in the case view").contains("市场监管局的内部意见");
  }

  /** Finding 5: read-only users wrote comments; participants commented on other departments' tasks. */
  @ParameterizedTest
  @MethodSource("doors")
  void onlyThoseWhoMayWorkATaskCommentOnIt(String doorName) throws Exception {
    EngineApi api = door(doorName);
    String fireTask = taskOf("fire");
    String marketTask = taskOf("market");

    Http.Response supervisor = api.post("supervisor", "/task/" + fireTask + "/comment/create", "{\"message\":\"督查留言\"}");
    Http.Response otherDepartment = api.post("market", "/task/" + fireTask + "/comment/create", "{\"message\":\"市场监管局在消防任务上留言\"}");
    Http.Response tooLong = api.post("market", "/task/" + marketTask + "/comment/create", "{\"message\":\"" + "长".repeat(2001) + "\"}");
    Http.Response own = api.post("market", "/task/" + marketTask + "/comment/create", "{\"message\":\"已电话联系申请人\"}");
    Http.Response bpmnError = api.post("market", "/task/" + marketTask + "/bpmnError", "{\"errorCode\":\"x\"}");

    assertThat(supervisor.status()).as(supervisor.body()).isEqualTo(403);
    assertThat(otherDepartment.status()).as(otherDepartment.body()).isIn(403, 404);
    assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
    assertThat(own.status()).as(own.body()).isEqualTo(200);
    assertThat(bpmnError.status()).as(bpmnError.body()).isEqualTo(403);
    assertThat(engine.getTaskService().getTaskComments(fireTask)).isEmpty();
    assertThat(engine.getTaskService().getTaskComments(marketTask)).extracting(comment -> comment.getFullMessage()).containsExactly("已电话联系申请人");

    Users.actAs(engine.getIdentityService(), "supervisor");
    assertThatThrownBy(() -> engine.getTaskService().createAttachment("url", fireTask, null, "督查附件", null, "https://example.org/x"))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> engine.getTaskService().createComment(null, processInstanceId, "流程级留言"))
        .isInstanceOf(AuthorizationException.class);
    engine.getIdentityService().clearAuthentication();
    assertThat(engine.getTaskService().getProcessInstanceComments(processInstanceId)).isEmpty();
    assertThat(engine.getTaskService().getTaskAttachments(fireTask)).isEmpty();
  }

  /** Finding 5 for attachments, as Tasklist uploads them (multipart): only who may work the task, named, up to 10 MB. */
  @ParameterizedTest
  @MethodSource("doors")
  void onlyThoseWhoMayWorkATaskAttachToItAndNotTooMuch(String doorName) throws Exception {
    EngineApi api = door(doorName);
    String fireTask = taskOf("fire");
    String marketTask = taskOf("market");
    Map<String, String> named = Map.of("attachment-name", "现场照片", "attachment-description", "消防通道", "attachment-type", "image/jpeg");

    Http.Response supervisor = api.postMultipart("supervisor", "/task/" + fireTask + "/attachment/create", named, "content", new byte[] {1, 2, 3});
    Http.Response otherDepartment = api.postMultipart("market", "/task/" + fireTask + "/attachment/create", named, "content", new byte[] {1, 2, 3});
    Http.Response tooLarge = api.postMultipart("market", "/task/" + marketTask + "/attachment/create", named, "content",
        new byte[10 * 1024 * 1024 + 1]);
    Http.Response unnamed = api.postMultipart("market", "/task/" + marketTask + "/attachment/create",
        Map.of("attachment-type", "image/jpeg"), "content", new byte[] {1, 2, 3});
    Http.Response own = api.postMultipart("market", "/task/" + marketTask + "/attachment/create", named, "content", new byte[] {1, 2, 3});

    assertThat(supervisor.status()).as("read-only supervision: " + supervisor.body()).isEqualTo(403);
    assertThat(otherDepartment.status()).as(otherDepartment.body()).isIn(403, 404);
    assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(400);
    assertThat(tooLarge.body()).contains("10 MB");
    assertThat(unnamed.status()).as(unnamed.body()).isEqualTo(400);
    assertThat(own.status()).as(own.body()).isEqualTo(200);
    assertThat(engine.getTaskService().getTaskAttachments(fireTask)).isEmpty();
    assertThat(engine.getTaskService().getTaskAttachments(marketTask)).extracting(attachment -> attachment.getName()).containsExactly("现场照片");
  }

  /** Found in review: a completion asked to return the case's variables returned all of them. */
  @ParameterizedTest
  @MethodSource("doors")
  void aCompletionReturnsOnlyWhatTheFormShows(String doorName) throws Exception {
    EngineApi api = door(doorName);
    review("fire", "rejected", "消防局不公开的理由");
    String marketTask = claimedTaskOf("market");

    Http.Response completed = api.post("market", "/task/" + marketTask + "/complete",
        "{\"variables\":{\"decision\":{\"value\":\"approved\"},\"opinion\":{\"value\":\"同意\"}},\"withVariablesInReturn\":true}");

    assertThat(completed.status()).as(completed.body()).isEqualTo(200);
    assertThat(completed.body()).contains("projectName").doesNotContain("消防局不公开的理由", "review_fire", queryCode);
  }

  /** Found in review: Cockpit's plugin API answered every logged-in user, with like-filters on running variables. */
  @org.junit.jupiter.api.Test
  void onlyCockpitUsersUseCockpitsApi() {
    EngineApi webapp = EngineApi.webapp(port);
    String query = "{\"variables\":[{\"name\":\"queryCode\",\"operator\":\"like\",\"value\":\"" + queryCode.charAt(0) + "%\"}]}";

    Http.Response fire = webapp.post("fire", "/camunda/api/cockpit/plugin/base/default/process-instance", query);
    Http.Response supervisor = webapp.post("supervisor", "/camunda/api/cockpit/plugin/base/default/process-instance/count", "{}");

    assertThat(fire.status()).as(fire.body()).isEqualTo(403);
    assertThat(fire.body()).doesNotContain(processInstanceId);
    assertThat(supervisor.status()).as("supervision works in Cockpit: " + supervisor.body()).isEqualTo(200);
  }

  /**
   * Found in review: the command centre opens Cockpit for 「效能督查」 only. Cockpit's own queries would let it
   * guess the variables of the events it worked on one {@code like} at a time, past the variable rules.
   */
  @org.junit.jupiter.api.Test
  void theCommandCentreUsesOnlyTheSupervisionPluginOfCockpit() {
    EngineApi webapp = EngineApi.webapp(port);

    Http.Response base = webapp.post("city", "/camunda/api/cockpit/plugin/base/default/process-instance",
        "{\"variables\":[{\"name\":\"reporterPhone\",\"operator\":\"like\",\"value\":\"1%\"}]}");
    Http.Response dashboard = webapp.get("city", "/camunda/api/cockpit/plugin/jingzhi-supervision/default/dashboard");

    assertThat(base.status()).as(base.body()).isEqualTo(403);
    assertThat(dashboard.status()).as(dashboard.body()).isEqualTo(200);
  }

  /** Found in review: the engine reads comments and attachments without any check. */
  @ParameterizedTest
  @MethodSource("doors")
  void aDepartmentReadsNoOtherDepartmentsNotes(String doorName) throws Exception {
    EngineApi api = door(doorName);
    String marketTask = taskOf("market");
    assertThat(http.post("market", "/engine-rest/task/" + marketTask + "/comment/create", "{\"message\":\"市场监管局内部备注\"}").status()).isEqualTo(200);

    Http.Response byTask = api.get("fire", "/task/" + marketTask + "/comment");
    Http.Response byCase = api.get("fire", "/process-instance/" + processInstanceId + "/comment");
    Http.Response attachments = api.get("fire", "/task/" + marketTask + "/attachment");

    for (Http.Response read : List.of(byTask, byCase, attachments)) {
      assertThat(read.status()).as(read.body()).isEqualTo(403);
      assertThat(read.body()).doesNotContain("市场监管局内部备注");
    }
    assertThat(api.get("market", "/task/" + marketTask + "/comment").body()).as("its own").contains("市场监管局内部备注");
    assertThat(api.get("supervisor", "/task/" + marketTask + "/comment").body()).as("supervision").contains("市场监管局内部备注");
    assertThat(api.get("supervisor", "/process-instance/" + processInstanceId + "/comment").status()).as("supervision").isEqualTo(200);
  }

  /** Found in review: resolving, stack traces, starts with skip flags and conditional starts. */
  @ParameterizedTest
  @MethodSource("doors")
  void unitsNeitherResolveNorReadStackTracesNorGet500s(String doorName) throws Exception {
    EngineApi api = door(doorName);
    String marketTask = claimedTaskOf("market");
    String job = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).list().get(0).getId();

    Http.Response resolve = api.post("market", "/task/" + marketTask + "/resolve", "{\"variables\":{\"decision\":{\"value\":\"approved\"}}}");
    Http.Response stacktrace = api.get("window", "/job/" + job + "/stacktrace");
    Http.Response skipping = api.post("window", "/process-definition/key/joint-approval/start", "{\"skipCustomListeners\":true}");
    Http.Response condition = api.post("window", "/condition", "{}");
    Http.Response badChecklist = api.post("market", "/task/" + marketTask + "/complete",
        "{\"variables\":{\"decision\":{\"value\":\"approved\"},\"opinion\":{\"type\":\"Double\",\"value\":\"NaN\"}}}");

    assertThat(resolve.status()).as(resolve.body()).isEqualTo(403);
    assertThat(stacktrace.status()).as(stacktrace.body()).isEqualTo(403);
    assertThat(skipping.status()).as(skipping.body()).isEqualTo(400);
    assertThat(condition.status()).as(condition.body()).isEqualTo(400);
    assertThat(badChecklist.status()).as(badChecklist.body()).isEqualTo(400);
    assertThat(engine.getTaskService().createTaskQuery().taskId(marketTask).singleResult().getAssignee()).isEqualTo("market");
    assertThat(reviewOf("market")).isNull();
  }

  /**
   * The job executor takes only jobs with a due date (issue 15, fifteenth round): an administrator who cleared a limit's
   * due date, which the engine allows, would stop it for good. Refused, the limit keeps its date; a date is taken.
   */
  @ParameterizedTest
  @MethodSource("doors")
  void nobodyClearsAJobsDueDate(String doorName) throws Exception {
    EngineApi api = door(doorName);
    Job limit = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).timers().list().get(0);

    Http.Response cleared = api.put("demo", "/job/" + limit.getId() + "/duedate", "{\"duedate\":null}");
    Date afterClearing = dueDateOf(limit);
    Http.Response moved = api.put("demo", "/job/" + limit.getId() + "/duedate", "{\"duedate\":\"2099-01-05T23:59:59.000+0800\"}");

    assertThat(cleared.status()).as(cleared.body()).isEqualTo(400);
    assertThat(cleared.body()).contains("到期时间不能清空");
    assertThat(afterClearing).isEqualTo(limit.getDuedate());
    assertThat(moved.status()).as(moved.body()).isEqualTo(204);
    assertThat(dueDateOf(limit)).isEqualTo(Date.from(OffsetDateTime.parse("2099-01-05T23:59:59+08:00").toInstant()));
  }

  private Date dueDateOf(Job job) {
    return engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult().getDuedate();
  }

  private String definitionId() {
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    return instance.getProcessDefinitionId();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> reviewOf(String department) {
    return (Map<String, Object>) engine.getRuntimeService().getVariable(processInstanceId, "review_" + department);
  }

  private void review(String department, String decision, String opinion) {
    String task = claimedTaskOf(department);
    Http.Response done = http.post(department, "/engine-rest/task/" + task + "/complete",
        "{\"variables\":{\"decision\":{\"value\":\"" + decision + "\"},\"opinion\":{\"value\":\"" + opinion + "\"}}}");
    assertThat(done.status()).as(done.body()).isEqualTo(204);
  }

  private String claimedTaskOf(String unit) {
    String task = taskOf(unit);
    assertThat(http.post(unit, "/engine-rest/task/" + task + "/claim", "{\"userId\":\"" + unit + "\"}").status()).isEqualTo(204);
    return task;
  }

  private String taskOf(String unit) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskCandidateGroup(unit).singleResult().getId();
  }
}

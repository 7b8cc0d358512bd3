package org.jingzhi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.task.Task;
import org.jingzhi.support.Http;
import org.jingzhi.support.IntegrationTest;
import org.jingzhi.support.UnitTaskProcess;
import org.jingzhi.support.Users;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A task of 松林社区 is 松林社区's: other units neither see nor touch it; the supervisor only reads it. */
@IntegrationTest
class UnitIsolationTest {

  static final String SONGLIN = "990102001001";

  @Autowired
  ProcessEngine engine;
  @LocalServerPort
  int port;

  String processInstanceId;
  String taskId;
  Http http;

  @BeforeEach
  void aSonglinCase() {
    processInstanceId = UnitTaskProcess.start(engine, SONGLIN);
    taskId = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
    http = new Http(port);
  }

  @AfterEach
  void logOut() {
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void liuanNeitherSeesNorCompletesItThroughTheJavaApi() {
    Users.actAs(engine.getIdentityService(), "liuan");

    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).list()).isEmpty();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).list()).isEmpty();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).list()).isEmpty();
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).list()).isEmpty();
    assertThatThrownBy(() -> engine.getTaskService().claim(taskId, "liuan")).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> engine.getTaskService().complete(taskId)).isInstanceOf(AuthorizationException.class);

    engine.getIdentityService().clearAuthentication();
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    assertThat(task).as("still open").isNotNull();
    assertThat(task.getAssignee()).isNull();
  }

  @Test
  void liuanNeitherSeesNorCompletesItThroughRest() {
    assertThat(http.get("liuan", "/engine-rest/task?processInstanceId=" + processInstanceId).body()).isEqualTo("[]");
    assertThat(http.get("liuan", "/engine-rest/task/count?processInstanceId=" + processInstanceId).body()).contains("\"count\":0");
    assertThat(http.get("liuan", "/engine-rest/history/process-instance?processInstanceId=" + processInstanceId).body()).isEqualTo("[]");
    assertThat(http.get("liuan", "/engine-rest/process-instance/" + processInstanceId).status()).isIn(403, 404);
    assertThat(http.post("liuan", "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"liuan\"}").status()).isEqualTo(403);
    assertThat(http.post("liuan", "/engine-rest/task/" + taskId + "/complete", "{}").status()).isEqualTo(403);

    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult()).isNotNull();
  }

  @Test
  void songlinSeesClaimsAndCompletesItThroughRest() {
    assertThat(http.get("songlin", "/engine-rest/task?processInstanceId=" + processInstanceId).body()).contains(taskId, "处置");
    assertThat(http.get("songlin", "/engine-rest/process-instance/" + processInstanceId).status()).isEqualTo(200);

    assertThat(http.post("songlin", "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"songlin\"}").status()).isEqualTo(204);
    assertThat(http.post("songlin", "/engine-rest/task/" + taskId + "/comment/create", "{\"message\":\"已到现场核实\"}").status())
        .isEqualTo(200);
    assertThat(http.post("songlin", "/engine-rest/task/" + taskId + "/complete", "{}").status()).isEqualTo(204);

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).count()).isZero();
    assertThat(http.get("songlin", "/engine-rest/task/" + taskId + "/comment").body()).as("the finished task's notes")
        .contains("已到现场核实");
    Http.Response otherUnit = http.get("liuan", "/engine-rest/task/" + taskId + "/comment");
    assertThat(otherUnit.status()).isIn(403, 404);
    assertThat(otherUnit.body()).doesNotContain("已到现场核实");
    assertThat(http.get("songlin", "/engine-rest/history/process-instance?processInstanceId=" + processInstanceId).body())
        .as("the unit still sees the case it worked on").contains(processInstanceId, "COMPLETED");
    assertThat(http.get("songlin", "/engine-rest/history/task?processInstanceId=" + processInstanceId).body())
        .as("and its task's history").contains(taskId, "songlin");
    assertThat(http.get("songlin", "/engine-rest/history/user-operation?processInstanceId=" + processInstanceId).body())
        .as("and who claimed and completed it").contains("\"Claim\"", "\"Complete\"");
    assertThat(http.get("songlin", "/engine-rest/history/identity-link-log?taskId=" + taskId).body()).contains("candidate");
    for (String path : List.of("/history/task?processInstanceId=" + processInstanceId, "/history/user-operation?processInstanceId="
        + processInstanceId, "/history/identity-link-log?taskId=" + taskId)) {
      assertThat(http.get("liuan", "/engine-rest" + path).body()).as("another unit: " + path).isEqualTo("[]");
    }
  }

  @Test
  void songlinCompletesItThroughTheJavaApi() {
    Users.actAs(engine.getIdentityService(), "songlin");

    engine.getTaskService().claim(taskId, "songlin");
    engine.getTaskService().complete(taskId);

    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult().getState())
        .isEqualTo("COMPLETED");
  }

  @Test
  void theSupervisorReadsEverythingAndChangesNothing() {
    assertThat(http.get("supervisor", "/engine-rest/task?processInstanceId=" + processInstanceId).body()).contains(taskId);
    assertThat(http.get("supervisor", "/engine-rest/process-instance/" + processInstanceId).status()).isEqualTo(200);
    assertThat(http.get("supervisor", "/engine-rest/history/process-instance?processInstanceId=" + processInstanceId).body())
        .contains(processInstanceId);
    assertThat(http.get("supervisor", "/engine-rest/process-instance/" + processInstanceId + "/variables").body()).contains(SONGLIN);

    assertThat(http.post("supervisor", "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"supervisor\"}").status()).isEqualTo(403);
    assertThat(http.post("supervisor", "/engine-rest/task/" + taskId + "/complete", "{}").status()).isEqualTo(403);
    assertThat(http.put("supervisor", "/engine-rest/process-instance/" + processInstanceId + "/suspended", "{\"suspended\":true}").status())
        .isEqualTo(403);
    assertThat(http.put("supervisor", "/engine-rest/process-instance/" + processInstanceId + "/variables/unit",
        "{\"value\":\"x\",\"type\":\"String\"}").status()).isEqualTo(403);
    assertThat(http.delete("supervisor", "/engine-rest/process-instance/" + processInstanceId).status()).isEqualTo(403);

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).active().count()).isOne();
  }

  @Test
  void aTaskFromBeforeVariablePermissionsGetsItsReadGrantAtStartUp() {
    Authorization grant = engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId)
        .groupIdIn(SONGLIN).singleResult();
    grant.removePermission(TaskPermissions.READ_VARIABLE);
    engine.getAuthorizationService().saveAuthorization(grant);
    assertThat(http.get("songlin", "/engine-rest/task/" + taskId + "/form-variables").status()).as("as an old task was").isEqualTo(403);

    assertThat(TaskVariableGrants.complete(engine.getAuthorizationService())).isOne();

    assertThat(http.get("songlin", "/engine-rest/task/" + taskId + "/form-variables").status()).isEqualTo(200);
    assertThat(TaskVariableGrants.complete(engine.getAuthorizationService())).as("once").isZero();
    assertThat(engine.getManagementService().getProperties()).as("later starts skip the scan").containsKey(TaskVariableGrants.DONE);
  }

  @Test
  void onlyTheAdministratorDeploys() {
    for (String user : List.of("window", "supervisor", "liuan")) {
      Users.actAs(engine.getIdentityService(), user);
      assertThatThrownBy(() -> deployAFixture()).as(user).isInstanceOf(AuthorizationException.class);
    }
    Users.actAs(engine.getIdentityService(), "demo");
    assertThat(deployAFixture()).isNotNull();

    engine.getIdentityService().clearAuthentication();
    assertThat(http.post("window", "/engine-rest/deployment/create", "").status()).isIn(400, 403, 415);
  }

  private String deployAFixture() {
    return engine.getRepositoryService().createDeployment().name("isolation-fixture")
        .addModelInstance("fixture.bpmn", UnitTaskProcess.model()).deploy().getId();
  }
}

package org.jingzhi.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.jingzhi.escalation.EscalationDriver.HUBIN;
import static org.jingzhi.escalation.EscalationDriver.LIUAN;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.jingzhi.escalation.EscalationDriver;
import org.jingzhi.escalation.Events;
import org.jingzhi.escalation.ReportedEvent;
import org.jingzhi.support.Clock;
import org.jingzhi.support.Http;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The 权责清单 and the 社区工作准入目录 of {@code processes/responsibility.dmn} route events. A city that takes a
 * category off its admission list deploys a new version of the decision; the tests deploy such a version
 * ({@code list-fixtures/}) and remove it afterwards.
 */
@IntegrationTest
class ResponsibilityListTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  Events events;
  @LocalServerPort
  int port;

  EscalationDriver driver;
  String laterList;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    driver = new EscalationDriver(engine, events);
    Clock.set(2026, 11, 9, 9, 0);
  }

  @AfterEach
  void tearDown() {
    if (laterList != null) {
      engine.getRepositoryService().deleteDeployment(laterList, true);
    }
    Clock.reset();
  }

  @Test
  void anEventNamesTheOwningDepartmentOfItsCategoryAndASummonProposesItWithItsCoHandlers() throws Exception {
    ReportedEvent event = driver.report("hotline", "illegal-construction", LIUAN, false);

    assertThat(driver.variable(event, "ownerDepartment")).isEqualTo("urban");
    assertThat(driver.variable(event, "ownerDepartmentName")).isEqualTo("城市管理局");
    JsonNode view = new ObjectMapper().readTree(new Http(port).get("hotline", "/api/events/" + event.eventNumber()).body());
    assertThat(view.get("owner").get("unitName").asText()).isEqualTo("城市管理局");
    assertThat(view.get("owner").get("basis").asText()).isEqualTo("权责清单");
    Task handle = driver.handleTask(event);
    assertThat(engine.getRuntimeService().getVariableLocal(handle.getExecutionId(), "departments")).as("the summons' proposal")
        .isEqualTo(java.util.List.of("urban", "planning"));
  }

  @Test
  void aCategoryOffTheCommunityAdmissionListStartsAtTheStreet() {
    assertThat(driver.handleTask(driver.report("hotline", "noise", LIUAN, false))).as("on the list").hasCandidateGroup(LIUAN);
    takeNoiseOffTheAdmissionList();

    ReportedEvent event = driver.report("hotline", "noise", LIUAN, false);

    Task handle = driver.handleTask(event);
    assertThat(handle).hasCandidateGroup(HUBIN).hasName("湖滨街道处置：噪声扰民（柳岸路12号）");
    assertThat(driver.variable(event, "currentLevel")).isEqualTo("street");
  }

  @Test
  void aCommunitySendingBackACategoryOffItsListMovesItUpAtOnceWithoutASendBack() {
    ReportedEvent event = driver.report("hotline", "noise", LIUAN, false);
    takeNoiseOffTheAdmissionList();

    driver.act("liuan", event, "sendBack", "噪声执法不属社区职责");

    assertThat(driver.handleTask(event)).as("at the street at once").hasCandidateGroup(HUBIN);
    assertThat(driver.parentTask(event, "reroute")).as("no rerouting").isNull();
    assertThat(driver.variable(event, "sendBackCount")).as("not counted against anybody").isEqualTo(0);
  }

  @Test
  void aDispatcherNamingACommunityForACategoryOffTheListReachesItsStreet() {
    ReportedEvent event = driver.report("hotline", "water-leak", LIUAN, false);
    driver.act("hubin", event, "sendBack", "漏水点位于新城街道");

    driver.decideOwner("hotline", event, "reroute", LIUAN);

    assertThat(driver.handleTask(event)).as("柳岸社区's street").hasCandidateGroup(HUBIN);
  }

  private void takeNoiseOffTheAdmissionList() {
    laterList = engine.getRepositoryService().createDeployment().name("社区工作准入目录（测试：噪声移出）")
        .addClasspathResource("list-fixtures/community-admission-without-noise.dmn").deploy().getId();
  }
}

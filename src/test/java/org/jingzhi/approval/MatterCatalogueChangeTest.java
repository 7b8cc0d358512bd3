package org.jingzhi.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jingzhi.support.IntegrationTest;
import org.jingzhi.web.InvalidRequestException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A new matter, with a department it had not had, is a DMN edit: no Java change, no restart. */
@IntegrationTest
class MatterCatalogueChangeTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  JointApprovals approvals;

  @AfterEach
  void restoreTheShippedCatalogue() throws Exception {
    deploy(shippedCatalogue());
  }

  @Test
  void aMatterAddedToTheTableIsRoutedToItsDepartments() throws Exception {
    JointApprovalDriver driver = new JointApprovalDriver(engine, approvals);
    assertThatThrownBy(() -> driver.submit("bakery-opening", "刘记烘焙开业")).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("未知的事项类型");

    deploy(shippedCatalogue()
        .replace("    </decisionTable>\n  </decision>\n  <decision id=\"matter-case-limit\"", rule("matter-departments-bakery-1",
            "\"market\"", "3") + rule("matter-departments-bakery-2", "\"water\"", "2")
            + "    </decisionTable>\n  </decision>\n  <decision id=\"matter-case-limit\"")
        .replace("    </decisionTable>\n  </decision>\n  <dmndi:DMNDI>", rule("matter-case-limit-bakery", "\"烘焙店开业一件事\"", "6")
            + "    </decisionTable>\n  </decision>\n  <dmndi:DMNDI>"));

    ProcessInstance instance = driver.submit("bakery-opening", "刘记烘焙开业");
    driver.accept(instance);

    assertThat(driver.reviewTasks(instance)).extracting(Task::getName)
        .containsExactlyInAnyOrder("市场监管局审查：刘记烘焙开业", "水务局审查：刘记烘焙开业");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "matterName")).isEqualTo("烘焙店开业一件事");
  }

  private static String rule(String id, String output, String days) {
    return "      <rule id=\"" + id + "\">\n"
        + "        <inputEntry id=\"" + id + "-in\"><text>\"bakery-opening\"</text></inputEntry>\n"
        + "        <outputEntry id=\"" + id + "-out1\"><text>" + output + "</text></outputEntry>\n"
        + "        <outputEntry id=\"" + id + "-out2\"><text>" + days + "</text></outputEntry>\n"
        + "      </rule>\n";
  }

  private String shippedCatalogue() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/processes/matter-catalogue.dmn")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private void deploy(String dmn) {
    engine.getIdentityService().clearAuthentication();
    engine.getRepositoryService().createDeployment().name("matter-catalogue-change")
        .addString("matter-catalogue.dmn", dmn).deploy();
  }
}

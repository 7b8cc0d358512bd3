package org.jingzhi.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jingzhi.calendar.WorkingDaysTest.at;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The {@code workingDays} bean in a model: due dates and timers in working days, or in hours. */
@IntegrationTest
class WorkingDaysInBpmnTest {

  static final String KEY = "working-days-fixture";

  @Autowired
  ProcessEngine engine;

  @BeforeEach
  void deploy() {
    engine.getIdentityService().clearAuthentication();
    BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1)
        .startEvent().camundaExecutionListenerExpression("end",
            "${execution.setVariable('reviewDue', urgent ? workingDays.hoursLater(4) : workingDays.deadline(10))}")
        .userTask("review").camundaDueDate("${reviewDue}")
        .boundaryEvent("late").cancelActivity(false).timerWithDate("${workingDays.remindAt(reviewDue, 1)}")
        .endEvent("reminded")
        .moveToActivity("review").endEvent()
        .done();
    engine.getRepositoryService().createDeployment().addModelInstance(KEY + ".bpmn", model).deploy();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aTaskIsDueAfterTenWorkingDaysAcrossTheNationalHoliday() {
    ClockUtil.setCurrentTime(at(2026, 9, 18, 9, 30));

    String processInstanceId = engine.getRuntimeService().startProcessInstanceByKey(KEY,
        java.util.Map.of("urgent", false)).getId();

    Task task = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult();
    assertThat(task.getDueDate()).isEqualTo(at(2026, 10, 9, 23, 59, 59));
    Job reminder = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).timers().singleResult();
    assertThat(reminder.getDuedate()).isEqualTo(at(2026, 10, 9, 0, 0));
  }

  @Test
  void anUrgentTaskIsDueInClockHours() {
    ClockUtil.setCurrentTime(at(2026, 10, 1, 22, 0));

    String processInstanceId = engine.getRuntimeService().startProcessInstanceByKey(KEY,
        java.util.Map.of("urgent", true)).getId();

    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult().getDueDate())
        .isEqualTo(at(2026, 10, 2, 2, 0));
  }
}

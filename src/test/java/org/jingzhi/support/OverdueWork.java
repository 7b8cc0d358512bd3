package org.jingzhi.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/** Cases for the supervisors' views: an accepted restaurant case, and its timers fired on the moved engine clock. */
public final class OverdueWork {

  private OverdueWork() {
  }

  /** Submits a restaurant opening and accepts it, as window: four reviews open. Answers the case's process instance. */
  public static String acceptedCase(int port, ProcessEngine engine, String projectName) throws Exception {
    Http.Response response = new Http(port).post("window", "/api/joint-approvals", "{\"matterType\":\"restaurant-opening\",\"projectName\":\""
        + projectName + "\",\"applicant\":{\"name\":\"张三\",\"idNumber\":\"11010519491231002X\",\"phone\":\"13800138000\"},"
        + "\"materials\":[\"营业执照申请书\"]}");
    if (response.status() != 201) {
      throw new IllegalStateException(response.body());
    }
    String instance = new ObjectMapper().readTree(response.body()).get("processInstanceId").asText();
    String acceptance = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
    Users.actAs(engine.getIdentityService(), "window");
    try {
      engine.getTaskService().complete(acceptance, Map.of("acceptance", "accepted", "opinion", "材料齐全"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    return instance;
  }

  /** Runs the timers of the case that are due on the engine clock (reminders, missed limits), as the job executor would. */
  public static void fireDueTimers(ProcessEngine engine, String processInstanceId) {
    for (int round = 0; round < 5; round++) {
      Date now = Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(1));
      for (Job job : engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).timers().duedateLowerThan(now).list()) {
        engine.getManagementService().executeJob(job.getId());
      }
    }
  }
}

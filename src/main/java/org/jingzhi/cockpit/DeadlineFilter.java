package org.jingzhi.cockpit;

import java.util.List;
import java.util.Map;
import org.jingzhi.approval.JointApprovalProcess;
import org.jingzhi.escalation.EscalationProcess;
import org.jingzhi.organization.Organization;

/**
 * What the SLA monitor 「时限监控」 is asked for, checked: open tasks overdue now, due within the next
 * {@code windowHours}, or both; of one process and one unit if named; one page of them.
 */
record DeadlineFilter(State state, int windowHours, List<String> processKeys, String unit, int firstResult, int maxResults) {

  enum State { OVERDUE, SOON, ALL }

  static final int MAX_WINDOW_HOURS = 24 * 31;
  static final int MAX_PAGE = 200;
  /** The processes a client names, and the process definitions whose tasks they cover. */
  static final Map<String, List<String>> PROCESSES = Map.of(
      JointApprovalProcess.KEY, List.of(JointApprovalProcess.KEY),
      EscalationProcess.KEY, List.of(EscalationProcess.KEY, EscalationProcess.LEVEL_KEY));

  /** The same, for the escalation chain's work only. */
  DeadlineFilter eventsOnly() {
    return new DeadlineFilter(state, windowHours, PROCESSES.get(EscalationProcess.KEY), unit, firstResult, maxResults);
  }

  static DeadlineFilter of(String state, String windowHours, String process, String unit, String firstResult, String maxResults,
                           Organization organization) {
    State chosen = switch (state == null || state.isBlank() ? "all" : state) {
      case "overdue" -> State.OVERDUE;
      case "soon" -> State.SOON;
      case "all" -> State.ALL;
      default -> throw OverseerResource.badRequest("state 须为 overdue、soon 或 all，收到：" + abbreviated(state));
    };
    List<String> keys = process == null || process.isBlank() ? SupervisionDashboard.MONITORED : PROCESSES.get(process);
    if (keys == null) {
      throw OverseerResource.badRequest("process 须为 " + String.join("、", PROCESSES.keySet().stream().sorted().toList()) + " 之一，收到："
          + abbreviated(process));
    }
    String unitId = null;
    if (unit != null && !unit.isBlank()) {
      unitId = organization.find(unit.trim()).orElseThrow(() -> OverseerResource.badRequest("未知单位：" + abbreviated(unit))).groupId();
    }
    return new DeadlineFilter(chosen, number("window", windowHours, 24, 1, MAX_WINDOW_HOURS), keys, unitId,
        number("firstResult", firstResult, 0, 0, Integer.MAX_VALUE), number("maxResults", maxResults, 50, 1, MAX_PAGE));
  }

  private static int number(String name, String value, int fallback, int min, int max) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value.trim());
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw OverseerResource.badRequest("参数 " + name + " 须为 " + min + " 至 " + max + " 之间的整数，收到：" + abbreviated(value));
  }

  private static String abbreviated(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}

package org.jingzhi.cockpit;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jingzhi.approval.JointApprovalProcess;
import org.jingzhi.escalation.EscalationProcess;
import org.jingzhi.responsibility.AdjudicationProcess;
import org.jingzhi.organization.Organization;

/**
 * What the SLA monitor 「时限监控」 is asked for, checked: open tasks overdue now, due within the next
 * {@code windowHours}, or both; of one process, unit, category (event category or matter) and level if
 * named; sorted; one page of them.
 */
record DeadlineFilter(State state, int windowHours, List<String> processKeys, String unit, String category, String level,
                      boolean remindedToday, Sort sort, boolean descending, int firstResult, int maxResults) {

  enum State { OVERDUE, SOON, ALL }

  /** The columns a client may sort by: the SQL each stands for, and its name in the page; ties are broken by the task id. */
  enum Sort {
    DUE("t.DUE_DATE_", "g.DUE_DATE_"), NUMBER("p.BUSINESS_KEY_", "g.BUSINESS_KEY_"), UNIT("COALESCE(l.GROUP_ID_, t.ASSIGNEE_)", "g.UNIT_"),
    TASK("t.NAME_", "g.NAME_");

    final String column;
    final String pageColumn;

    Sort(String column, String pageColumn) {
      this.column = column;
      this.pageColumn = pageColumn;
    }

    String code() {
      return name().toLowerCase();
    }
  }

  static final int MAX_WINDOW_HOURS = 24 * 31;
  static final int MAX_PAGE = 200;
  static final List<String> LEVELS = List.of(EscalationProcess.COMMUNITY, EscalationProcess.STREET, EscalationProcess.DISTRICT,
      EscalationProcess.CITY);
  /** The processes a client names, and the process definitions whose tasks they cover. */
  static final Map<String, List<String>> PROCESSES = Map.of(
      JointApprovalProcess.KEY, List.of(JointApprovalProcess.KEY),
      EscalationProcess.KEY, List.of(EscalationProcess.KEY, EscalationProcess.LEVEL_KEY, AdjudicationProcess.KEY));

  /** The process a client names for the tasks of a process definition: the chain for its levels and adjudications. */
  static String processOf(String definitionKey) {
    return PROCESSES.entrySet().stream().filter(entry -> entry.getValue().contains(definitionKey)).map(Map.Entry::getKey).findFirst()
        .orElse(definitionKey);
  }

  /** The same, for the escalation chain's work only. */
  DeadlineFilter eventsOnly() {
    return new DeadlineFilter(state, windowHours, PROCESSES.get(EscalationProcess.KEY), unit, category, level, remindedToday, sort,
        descending, firstResult, maxResults);
  }

  /**
   * Parses a client's query parameters ({@code state window process unit category level reminded sort order
   * firstResult maxResults}; {@code reminded=today}: only work whose unit got a 催办 today, the dashboard's figure);
   * a bad one is a 400 with a Chinese message naming the valid values.
   */
  static DeadlineFilter of(MultivaluedMap<String, String> query, Organization organization, Collection<String> categories) {
    String state = query.getFirst("state");
    State chosen = switch (blank(state) ? "all" : state) {
      case "overdue" -> State.OVERDUE;
      case "soon" -> State.SOON;
      case "all" -> State.ALL;
      default -> throw OverseerResource.badRequest("state 须为 overdue、soon 或 all，收到：" + abbreviated(state));
    };
    String process = query.getFirst("process");
    List<String> keys = blank(process) ? SupervisionDashboard.MONITORED : PROCESSES.get(process);
    if (keys == null) {
      throw OverseerResource.badRequest("process 须为 " + String.join("、", PROCESSES.keySet().stream().sorted().toList()) + " 之一，收到："
          + abbreviated(process));
    }
    String unit = query.getFirst("unit");
    String unitId = blank(unit) ? null
        : organization.find(unit.trim()).orElseThrow(() -> OverseerResource.badRequest("未知单位：" + abbreviated(unit))).groupId();
    String category = oneOf("category", query.getFirst("category"), categories.stream().sorted().toList());
    String level = oneOf("level", query.getFirst("level"), LEVELS);
    String sort = oneOf("sort", query.getFirst("sort"), Arrays.stream(Sort.values()).map(Sort::code).toList());
    String order = oneOf("order", query.getFirst("order"), List.of("asc", "desc"));
    String reminded = oneOf("reminded", query.getFirst("reminded"), List.of("today"));
    return new DeadlineFilter(chosen, number("window", query.getFirst("window"), 24, 1, MAX_WINDOW_HOURS), keys, unitId, category, level,
        reminded != null, sort == null ? Sort.DUE : Sort.valueOf(sort.toUpperCase()), "desc".equals(order),
        number("firstResult", query.getFirst("firstResult"), 0, 0, Integer.MAX_VALUE),
        number("maxResults", query.getFirst("maxResults"), 50, 1, MAX_PAGE));
  }

  /** Null when not given; the value when it is one of the valid ones; else a 400 naming them. */
  private static String oneOf(String name, String value, List<String> valid) {
    if (blank(value)) {
      return null;
    }
    if (!valid.contains(value.trim())) {
      throw OverseerResource.badRequest(name + " 须为 " + String.join("、", valid) + " 之一，收到：" + abbreviated(value));
    }
    return value.trim();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static int number(String name, String value, int fallback, int min, int max) {
    if (blank(value)) {
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

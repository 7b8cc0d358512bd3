package org.jingzhi.escalation;

import static org.jingzhi.escalation.EscalationProcess.*;

import java.util.Collection;
import java.util.List;

/** Where an event stands, derived from the engine's state. */
enum EventStatus {
  HANDLING("处置中"),
  WAITING_FOR_REPORTS("等待部门报到"),
  RETURN_VISIT("待回访"),
  REROUTING("重新派单中"),
  ADJUDICATING("裁定中"),
  CLOSED("已办结");

  /** What a running event can be. */
  static final List<EventStatus> RUNNING = List.of(HANDLING, WAITING_FOR_REPORTS, RETURN_VISIT, REROUTING, ADJUDICATING);

  final String label;

  EventStatus(String label) {
    this.label = label;
  }

  static EventStatus of(boolean running, Collection<String> parentActivities, boolean reportsOpen) {
    if (!running) {
      return CLOSED;
    }
    if (parentActivities.contains(EscalationProcess.RETURN_VISIT)) {  // the activity, not this enum's constant of the same name
      return RETURN_VISIT;
    }
    if (parentActivities.contains(REROUTE) || parentActivities.contains(DECIDE_OWNER)) {
      return REROUTING;
    }
    if (parentActivities.contains(ADJUDICATE)) {
      return ADJUDICATING;
    }
    return reportsOpen ? WAITING_FOR_REPORTS : HANDLING;
  }

  static String actionLabel(String action) {
    if (action == null) {
      return null;
    }
    return switch (action) {
      case RESOLVE -> "办结";
      case ESCALATE -> "上报";
      case SUMMON -> "吹哨";
      case SEND_BACK -> "退单";
      case DISPUTE -> "职责争议";
      default -> action;
    };
  }
}

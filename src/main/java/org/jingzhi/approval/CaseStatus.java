package org.jingzhi.approval;

import static org.jingzhi.approval.JointApprovalProcess.*;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Where a case stands, derived from the engine's state, never stored. */
enum CaseStatus {
  ACCEPTING("窗口受理中"),
  WAITING_FOR_SUPPLEMENT("待申请人补正"),
  REVIEWING("部门审查中"),
  ISSUING("待出件"),
  APPROVED("准予许可"),
  REJECTED("不予许可"),
  NOT_ACCEPTED("不予受理"),
  WITHDRAWN("视为撤回"),
  PROCESSING("办理中");

  private static final Map<String, CaseStatus> BY_END = Map.of(END_APPROVED, APPROVED, END_REJECTED, REJECTED,
      END_NOT_ACCEPTED, NOT_ACCEPTED, END_WITHDRAWN_AT_WINDOW, WITHDRAWN, END_WITHDRAWN_IN_REVIEW, WITHDRAWN);

  /** What a running case can be. */
  static final List<CaseStatus> RUNNING = List.of(ACCEPTING, WAITING_FOR_SUPPLEMENT, REVIEWING, ISSUING, PROCESSING);

  final String label;

  CaseStatus(String label) {
    this.label = label;
  }

  static CaseStatus ofRunning(Collection<String> activeActivities) {
    if (activeActivities.contains(WINDOW_SUPPLEMENT_WAIT) || activeActivities.contains(REVIEW_SUPPLEMENT_WAIT)) {
      return WAITING_FOR_SUPPLEMENT;
    }
    if (activeActivities.contains(WINDOW_ACCEPTANCE)) {
      return ACCEPTING;
    }
    if (activeActivities.contains(REVIEW)) {
      return REVIEWING;
    }
    if (activeActivities.contains(ISSUE_RESULT)) {
      return ISSUING;
    }
    return PROCESSING;
  }

  static CaseStatus ofEnded(String endActivityId) {
    return BY_END.getOrDefault(endActivityId, PROCESSING);
  }
}

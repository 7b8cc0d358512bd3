package org.jingzhi.approval;

import static org.jingzhi.approval.JointApprovalProcess.*;

/** Where one department's review stands. */
enum DepartmentStatus {
  PENDING("未开始"),
  REVIEWING("审查中"),
  APPROVED("同意"),
  REJECTED("不予许可"),
  WAITING_FOR_SUPPLEMENT("待申请人补正");

  final String label;

  DepartmentStatus(String label) {
    this.label = label;
  }

  static DepartmentStatus ofDecision(String decision) {
    return switch (decision) {
      case JointApprovalProcess.APPROVED -> APPROVED;
      case JointApprovalProcess.REJECTED -> REJECTED;
      case SUPPLEMENT -> WAITING_FOR_SUPPLEMENT;
      default -> PENDING;
    };
  }
}

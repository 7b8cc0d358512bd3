package org.jingzhi.notice;

public enum NoticeKind {
  /** 受理通知: the case was accepted; its number and query code. */
  ACCEPTANCE,
  /** 催办: a time limit is near. */
  REMINDER,
  /** 一次性告知: what the applicant must supplement. */
  SUPPLEMENT,
  /** 不予受理 / 不予许可 / 准予许可: the result of a case. */
  RESULT,
  /** 撤回: the applicant did not supplement in time. */
  WITHDRAWAL,
  /** 延期告知: a limit was extended, with the reason (行政许可法第四十二条). */
  EXTENSION,
  /** 不计入时限告知: a hearing, test or expert review will take time not counted in the limits (第四十五条). */
  EXCLUDED_TIME,
  /** 督办: a time limit was missed. */
  SUPERVISION,
  /** 吹哨报到: a street summoned a department to the scene. */
  SUMMONS,
  /** A notice about an event of the escalation chain to its reporter: registered, resolved. */
  EVENT
}

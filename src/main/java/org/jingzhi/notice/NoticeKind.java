package org.jingzhi.notice;

public enum NoticeKind {
  /** 催办: a time limit is near. */
  REMINDER,
  /** 一次性告知: what the applicant must supplement. */
  SUPPLEMENT,
  /** 不予受理 / 不予许可 / 准予许可: the result of a case. */
  RESULT,
  /** 撤回: the applicant did not supplement in time. */
  WITHDRAWAL,
  /** 督办: a time limit was missed. */
  SUPERVISION,
  /** A notice about an event of the escalation chain. */
  EVENT
}

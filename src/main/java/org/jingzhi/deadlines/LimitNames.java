package org.jingzhi.deadlines;

import java.util.Map;
import org.jingzhi.organization.Organization;
import org.springframework.stereotype.Component;

/** What a clock's variable is called in the answers and the audit trail: 「消防救援支队审查时限」, 「办理总时限」. */
@Component
class LimitNames {

  private static final Map<String, String> NAMES = Map.of("caseDue", "办理总时限", "acceptanceDue", "窗口受理时限",
      "supplementDue", "补正期限", "reviewDue", "审查时限", "levelDue", "处置时限", "reportDue", "报到时限", "statementDue", "陈述时限",
      "rulingDue", "裁定时限");

  private final Organization organization;

  LimitNames(Organization organization) {
    this.organization = organization;
  }

  String of(String variable, String unit) {
    String name = NAMES.getOrDefault(variable, variable);
    return unit == null ? name : organization.shortName(unit) + name;
  }
}

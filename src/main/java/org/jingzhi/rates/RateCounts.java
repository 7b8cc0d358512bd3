package org.jingzhi.rates;

/**
 * The counts behind the four rates of one group (domain.md section 7):
 * 响应率 = respondedInTime / assigned, 按时办结率 = resolvedOnTime / resolved,
 * 解决率 = visitsResolved / visitsAnswered, 满意率 = visitsSatisfied / visitsAnswered; and {@code overdue}, the
 * limits missed (a level's limit by its unit, a report's by the summoned department).
 */
final class RateCounts {

  int assigned;
  int respondedInTime;
  int resolved;
  int resolvedOnTime;
  int visitsAnswered;
  int visitsResolved;
  int visitsSatisfied;
  int overdue;

  void add(RateCounts other) {
    assigned += other.assigned;
    respondedInTime += other.respondedInTime;
    resolved += other.resolved;
    resolvedOnTime += other.resolvedOnTime;
    visitsAnswered += other.visitsAnswered;
    visitsResolved += other.visitsResolved;
    visitsSatisfied += other.visitsSatisfied;
    overdue += other.overdue;
  }

  GroupRates rates(String key, String name) {
    return new GroupRates(key, name, assigned, respondedInTime, ratio(respondedInTime, assigned), resolved, resolvedOnTime,
        ratio(resolvedOnTime, resolved), visitsAnswered, visitsResolved, ratio(visitsResolved, visitsAnswered), visitsSatisfied,
        ratio(visitsSatisfied, visitsAnswered), overdue);
  }

  /** Null when there is nothing to divide by: no rate, rather than 0 % or 100 %. */
  private static Double ratio(int part, int whole) {
    return whole == 0 ? null : Math.round(10000.0 * part / whole) / 10000.0;
  }
}

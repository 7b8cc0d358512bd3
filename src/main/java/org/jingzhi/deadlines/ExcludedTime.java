package org.jingzhi.deadlines;

import java.util.Date;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jingzhi.calendar.WorkingDayCalendar;
import org.jingzhi.calendar.WorkingDays;
import org.jingzhi.web.ConflictException;
import org.springframework.stereotype.Component;

/**
 * 不计入时限 inside the engine command that decides it: an excluded period stops one unit's clock and the case total (which
 * runs again only when no period holds it); their timers wait and their due dates are projected from the expected end.
 * When the result arrives both run again with the working days they had left.
 */
@Component
public class ExcludedTime {

  private final ExcludedPeriods periods;
  private final ClockAdjustments adjustments;
  private final WorkingDayCalendar calendar;
  private final WorkingDays workingDays;

  ExcludedTime(ExcludedPeriods periods, ClockAdjustments adjustments, WorkingDayCalendar calendar, WorkingDays workingDays) {
    this.periods = periods;
    this.adjustments = adjustments;
    this.calendar = calendar;
    this.workingDays = workingDays;
  }

  /**
   * Starts a period for {@code unit}, whose clock is {@code unitClock} seen from {@code from}; the case total {@code caseClock}
   * stops too unless it has already passed. A unit has one open period at a time and at most {@code maxPerUnit} in a case.
   */
  public ExcludedPeriod start(ExecutionEntity from, String caseNumber, String unit, ExcludedPeriod.Kind kind, int expectedDays, String reason,
                              String user, String unitClock, String caseClock, int maxPerUnit) {
    if (!adjustments.hasClock(from, unitClock)) {
      throw new ConflictException("本案按旧版流程办理，没有记录法定计时，不能启动不计入时限的程序");
    }
    if (!periods.open(from.getProcessInstanceId(), unit).isEmpty()) {
      throw new ConflictException("本部门已有进行中的不计入时限程序，请先登记其结果");
    }
    if (periods.count(from.getProcessInstanceId(), unit) >= maxPerUnit) {
      throw new ConflictException("本部门在本案中已启动 " + maxPerUnit + " 次不计入时限的程序，不能再启动");
    }
    Date now = ClockUtil.getCurrentTime();
    boolean stopCase = adjustments.hasClock(from, caseClock) && !adjustments.due(from, caseClock).before(now);
    Date expectedEnd = workingDays.endOf(calendar.deadline(workingDays.dayOf(now), expectedDays).deadline());
    long id = periods.start(caseNumber, from.getProcessInstanceId(), unit, kind, expectedDays, reason, user, expectedEnd, stopCase);
    String cause = kind.label + "（预计 " + expectedDays + " 个工作日），不计入时限：暂停计时";
    adjustments.stop(from, unitClock, expectedEnd, cause, user);
    if (stopCase) {
      adjustments.stop(from, caseClock, expectedEnd, cause, user);
    }
    return periods.byId(id).orElseThrow();
  }

  /** Ends the period: the unit's clock and (if no other period holds it) the case total run again from now. */
  public ExcludedPeriod end(ExecutionEntity from, ExcludedPeriod period, String result, String user, String unitClock, String caseClock) {
    if (!periods.end(period, user, result)) {
      throw new ConflictException("该" + period.kind().label + "已结束");
    }
    String cause = period.kind().label + "结束（" + result + "）：恢复计时";
    adjustments.resume(from, unitClock, cause, user);
    if (period.stoppedCase()) {
      adjustments.resume(from, caseClock, cause, user);
    }
    return periods.byId(period.id()).orElseThrow();
  }
}

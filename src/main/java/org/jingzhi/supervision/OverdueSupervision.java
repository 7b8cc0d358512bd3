package org.jingzhi.supervision;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jingzhi.notice.Cause;
import org.jingzhi.notice.NoticeKind;
import org.jingzhi.notice.NoticeMoments;
import org.jingzhi.notice.NoticeTemplate;
import org.jingzhi.notice.Notices;
import org.jingzhi.notice.UnitNotice;
import org.jingzhi.organization.Organization;
import org.springframework.stereotype.Component;

/**
 * A time limit was missed. Records the miss against the unit and notifies it; unless
 * {@code overdueSupervise} is false, also notifies the supervision unit (both notices in one statement) and opens a
 * supervision case (督办, {@code supervision} process, business key the case number) for it, holding what its form shows
 * ({@code supervisionSubject}, {@code overdueUnitName}, {@code overdueSummary}) and {@code overdueUnit}; the case, its
 * process and the due date are in the overdue record. Reads the service task's input parameters
 * {@code overdueUnit}, {@code overdueSubject}, {@code overdueDue}, {@code overdueScope} (TASK or
 * CASE) and optionally {@code overdueLevel}, {@code overdueSupervise} and {@code overdueCaseNumber}
 * (when the business key is not the case number).
 */
@Component("overdueSupervision")
public class OverdueSupervision implements JavaDelegate {

  public static final String SUPERVISION_PROCESS = "supervision";
  public static final String SUPERVISION_UNIT = "supervision";

  private static final String UNIT = "overdueUnit";
  private static final String SUBJECT = "overdueSubject";
  private static final String DUE = "overdueDue";
  private static final String SCOPE = "overdueScope";
  private static final String LEVEL = "overdueLevel";
  private static final String SUPERVISE = "overdueSupervise";
  private static final String CASE_NUMBER = "overdueCaseNumber";

  /** The names of the input parameters a model gives this step; what they say is in the overdue record. */
  public static final Set<String> INPUTS = Set.of(UNIT, SUBJECT, DUE, SCOPE, LEVEL, SUPERVISE, CASE_NUMBER);

  private final OverdueRecords records;
  private final Notices notices;
  private final Organization organization;
  private final NoticeMoments moments;

  public OverdueSupervision(OverdueRecords records, Notices notices, Organization organization, NoticeMoments moments) {
    this.records = records;
    this.notices = notices;
    this.organization = organization;
    this.moments = moments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String unit = (String) execution.getVariable(UNIT);
    String subject = (String) execution.getVariable(SUBJECT);
    Date due = (Date) execution.getVariable(DUE);
    String scope = (String) execution.getVariable(SCOPE);
    String level = (String) execution.getVariable(LEVEL);
    Object explicitCase = execution.getVariable(CASE_NUMBER);
    String caseNumber = explicitCase != null ? explicitCase.toString() : execution.getProcessBusinessKey();
    String processKey = execution.getProcessDefinitionId().split(":")[0];

    boolean supervise = !Boolean.FALSE.equals(execution.getVariable(SUPERVISE));
    boolean recorded = records.add(new OverdueRecord(null, scope, processKey, execution.getProcessInstanceId(), caseNumber, unit, level,
        execution.getCurrentActivityId(), null, subject, due, ClockUtil.getCurrentTime()), execution.getParentActivityInstanceId());
    if (!recorded) {
      return;  // recorded, told and supervised already: the same timer's job ran twice
    }

    String unitName = organization.displayName(unit);
    Map<String, String> parameters = Map.of("subject", subject, "unitName", unitName, "due", moments.format(due), "caseNumber", String.valueOf(caseNumber));
    UnitNotice toUnit = new UnitNotice(Cause.of(execution, caseNumber), unit, NoticeTemplate.OVERDUE, parameters);
    if (!supervise) {
      notices.tellUnits(NoticeKind.SUPERVISION, List.of(toUnit));
      return;
    }
    String told = notices.tellUnits(NoticeKind.SUPERVISION, List.of(toUnit,
            new UnitNotice(Cause.of(execution, caseNumber), SUPERVISION_UNIT, NoticeTemplate.SUPERVISION, parameters))).stream()
        .filter(notice -> notice.delivery().template().equals(NoticeTemplate.SUPERVISION.id())).findFirst().orElseThrow().body();

    execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(SUPERVISION_PROCESS, caseNumber, Map.of(
        "supervisionSubject", subject,
        "overdueUnit", unit,
        "overdueUnitName", unitName,
        "overdueSummary", told + "，请督促办理。"));
  }

}

package org.jingzhi.approval;

import static org.jingzhi.approval.JointApprovalProcess.*;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.jingzhi.calendar.WorkingDays;
import org.jingzhi.deadlines.ExcludedPeriods;
import org.jingzhi.deadlines.Extension;
import org.jingzhi.deadlines.Extensions;
import org.jingzhi.cases.CaseHistory;
import org.jingzhi.calendar.WorkingDays;
import org.jingzhi.deadlines.ExcludedPeriods;
import org.jingzhi.deadlines.Extension;
import org.jingzhi.deadlines.Extensions;
import org.jingzhi.cases.PersonalData;
import org.jingzhi.engine.AsSystem;
import org.jingzhi.organization.CurrentUser;
import org.jingzhi.organization.Organization;
import org.jingzhi.organization.UnitType;
import org.jingzhi.supervision.OverdueRecord;
import org.jingzhi.supervision.OverdueRecords;
import org.jingzhi.web.NotFoundException;
import org.springframework.stereotype.Service;

/** The staff view and the applicant's view of a case. */
@Service
public class CaseViews {

  /** Looked up when the case does not exist, so that both answers do the same work. */
  private static final String NO_INSTANCE = "-";
  private static final String UNKNOWN_CODE = "--------";

  private final ProcessEngine engine;
  private final OverdueRecords overdueRecords;
  private final Organization organization;
  private final CurrentUser currentUser;
  private final WorkingDays workingDays;
  private final Extensions extensions;
  private final ExcludedPeriods excludedPeriods;

  public CaseViews(ProcessEngine engine, OverdueRecords overdueRecords, Organization organization, CurrentUser currentUser,
                   WorkingDays workingDays, Extensions extensions, ExcludedPeriods excludedPeriods) {
    this.workingDays = workingDays;
    this.extensions = extensions;
    this.excludedPeriods = excludedPeriods;
    this.engine = engine;
    this.overdueRecords = overdueRecords;
    this.organization = organization;
    this.currentUser = currentUser;
  }

  /**
   * For staff who may read the case (it went through their unit, or they supervise): the engine
   * decides, with the caller's authorizations. Department reviewers see other departments' progress
   * but not their opinions.
   */
  public CaseView staffView(String caseNumber) {
    HistoricProcessInstance instance = CaseHistory.byNumber(engine.getHistoryService(), KEY, caseNumber);
    if (instance == null) {
      throw new NotFoundException("没有受理编号为 " + caseNumber + " 的案件，或您无权查看");
    }
    Set<String> ownDepartments = currentUser.unitsOfType(UnitType.DEPARTMENT);
    CaseRecord record = AsSystem.call(engine.getIdentityService(), () -> new CaseRecord(engine, instance));
    List<OverdueRecord> overdue = overdueRecords.ofCase(caseNumber);
    Date now = ClockUtil.getCurrentTime();
    List<CaseView.Department> departments = new ArrayList<>();
    for (String department : record.departments()) {
      boolean mayReadOpinion = ownDepartments.isEmpty() || ownDepartments.contains(department);
      departments.add(department(record, department, overdue, now, mayReadOpinion));
    }
    Date caseDue = record.date(CASE_DUE);
    boolean caseClockStopped = excludedPeriods.ofCase(caseNumber).stream().anyMatch(period -> period.open() && period.stoppedCase());
    boolean caseOverdue = overdue.stream().anyMatch(miss -> OverdueRecord.CASE.equals(miss.scope()))
        || record.running() && caseDue != null && caseDue.before(now) && record.status() != CaseStatus.WAITING_FOR_SUPPLEMENT
        && !caseClockStopped;
    CaseStatus status = record.status();
    return new CaseView(caseNumber, instance.getId(), record.text(MATTER_TYPE), record.text(MATTER_NAME), record.text(PROJECT_NAME),
        new CaseView.Applicant(record.text(APPLICANT_NAME), record.text(APPLICANT_ID_NUMBER), record.text(APPLICANT_CREDIT_CODE),
            record.text(APPLICANT_PHONE)),
        status.name(), status.label, instance.getStartTime(), record.date(ACCEPTED_AT), caseDue,
        record.running() && workingDays.provisional(caseDue), caseOverdue,
        record.text(RESULT_SUMMARY), status == CaseStatus.WAITING_FOR_SUPPLEMENT ? record.text(SUPPLEMENT_REQUEST) : null,
        status == CaseStatus.WAITING_FOR_SUPPLEMENT ? record.date(SUPPLEMENT_DUE) : null,
        departments, overdue.stream().map(miss -> new CaseView.Overdue(miss.unit(), organization.displayName(miss.unit()), miss.scope(),
            miss.subject(), miss.dueAt(), miss.recordedAt())).toList(),
        record.timeline,
        // a department reads its own requests and periods (and the case total's), as it reads only its own opinion
        extensions.ofCase(caseNumber).stream().filter(extension -> ownDepartments.isEmpty() || Extension.CASE.equals(extension.scope())
            || ownDepartments.contains(extension.unit())).toList(),
        excludedPeriods.ofCase(caseNumber).stream().filter(period -> ownDepartments.isEmpty() || ownDepartments.contains(period.unit()))
            .toList());
  }

  /**
   * For the applicant: the query code must match. A wrong code and an unknown case look the same and
   * cost the same: one lookup of the case and one of its code (of nothing when there is no case),
   * compared in constant time, before anything else of the case is read.
   */
  public PublicCaseView publicView(String caseNumber, String queryCode) {
    CaseRecord record = AsSystem.call(engine.getIdentityService(), () -> {
      HistoricProcessInstance instance = CaseHistory.byNumber(engine.getHistoryService(), KEY, caseNumber);
      List<HistoricVariableInstance> code = engine.getHistoryService().createHistoricVariableInstanceQuery()
          .processInstanceId(instance == null ? NO_INSTANCE : instance.getId()).variableName(QUERY_CODE).list();
      boolean matches = sameCode(queryCode, code.isEmpty() ? null : (String) code.get(0).getValue());
      return matches && instance != null ? new CaseRecord(engine, instance) : null;
    });
    if (record == null) {
      throw new NotFoundException("没有找到该案件，请核对受理编号和查询码");
    }
    CaseStatus status = record.status();
    Date now = ClockUtil.getCurrentTime();
    List<PublicCaseView.Department> departments = record.departments().stream().map(department -> {
      CaseView.Department view = department(record, department, List.of(), now, false);
      return new PublicCaseView.Department(view.name(), view.status(), view.statusLabel(), view.dueDate(), view.dueProvisional());
    }).toList();
    boolean waiting = status == CaseStatus.WAITING_FOR_SUPPLEMENT;
    return new PublicCaseView(caseNumber, record.text(MATTER_NAME), record.text(PROJECT_NAME),
        new PublicCaseView.Applicant(PersonalData.maskName(record.text(APPLICANT_NAME)),
            PersonalData.maskIdentifier(record.text(APPLICANT_ID_NUMBER)), PersonalData.maskIdentifier(record.text(APPLICANT_CREDIT_CODE)),
            PersonalData.maskPhone(record.text(APPLICANT_PHONE))),
        status.name(), status.label, record.instance.getStartTime(), waiting ? record.text(SUPPLEMENT_REQUEST) : null,
        waiting ? record.date(SUPPLEMENT_DUE) : null, record.running() ? null : record.text(RESULT_SUMMARY), departments,
        record.timeline.stream().filter(step -> step.completedAt() != null || step.activityId().startsWith("end"))
            .map(step -> new PublicCaseView.Progress(step.completedAt() == null ? step.at() : step.completedAt(), step.step())).toList(),
        extensions.ofCase(caseNumber).stream().filter(extension -> extension.newDue() != null)
            .map(extension -> new PublicCaseView.Extension(Extension.CASE.equals(extension.scope()) ? "办理总时限"
                : organization.shortName(extension.unit()) + "审查时限", extension.length(), extension.reason(), extension.newDue())).toList(),
        excludedPeriods.ofCase(caseNumber).stream().map(period -> new PublicCaseView.ExcludedTime(organization.shortName(period.unit()),
            period.kind().label, period.reason(), period.expectedEnd(), period.endedAt())).toList());
  }

  private CaseView.Department department(CaseRecord record, String department, List<OverdueRecord> overdue, Date now, boolean withOpinion) {
    String name = organization.shortName(department);
    boolean missed = overdue.stream().anyMatch(miss -> OverdueRecord.TASK.equals(miss.scope()) && department.equals(miss.unit()));
    Task open = record.openReviews.get(department);
    Map<String, Object> review = record.reviewOf(department);
    Integer round = review == null ? null : ((Number) review.get("round")).intValue();
    if (open != null) {
      // while an excluded period holds its clock the due date is a projection: not late, however long the period runs
      boolean late = open.getDueDate() != null && open.getDueDate().before(now)
          && excludedPeriods.open(record.instance.getId(), department).isEmpty();
      return new CaseView.Department(department, name, DepartmentStatus.REVIEWING.name(), DepartmentStatus.REVIEWING.label, null, null,
          null, open.getDueDate(), workingDays.provisional(open.getDueDate()), missed || late, null, null, round);
    }
    if (review == null) {
      return new CaseView.Department(department, name, DepartmentStatus.PENDING.name(), DepartmentStatus.PENDING.label, null, null, null,
          null, false, missed, null, null, null);
    }
    DepartmentStatus status = DepartmentStatus.ofDecision((String) review.get("decision"));
    return new CaseView.Department(department, name, status.name(), status.label, (String) review.get("decision"),
        withOpinion ? (String) review.get("opinion") : null, withOpinion ? (String) review.get("missingMaterials") : null, null, false, missed,
        withOpinion ? (String) review.get("reviewer") : null, Date.from(java.time.Instant.parse((String) review.get("decidedAt"))), round);
  }

  private static boolean sameCode(String given, String expected) {
    byte[] wanted = (expected == null ? UNKNOWN_CODE : expected).getBytes(StandardCharsets.UTF_8);
    byte[] offered = (given == null ? "" : given.trim().toUpperCase()).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(offered, wanted) && expected != null;
  }
}

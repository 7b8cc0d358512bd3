package org.jingzhi.approval;

import static org.jingzhi.approval.JointApprovalProcess.APPLICANT_EMAIL;
import static org.jingzhi.approval.JointApprovalProcess.APPLICANT_PHONE;
import static org.jingzhi.approval.JointApprovalProcess.CASE_NUMBER;
import static org.jingzhi.approval.JointApprovalProcess.MATTER_NAME;
import static org.jingzhi.approval.JointApprovalProcess.PROJECT_NAME;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.jingzhi.notice.Cause;
import org.jingzhi.notice.NoticeKind;
import org.jingzhi.notice.NoticeTemplate;
import org.jingzhi.notice.Notices;
import org.jingzhi.notice.Person;
import org.springframework.stereotype.Component;

/** Tells a case's applicant, by the phone and e-mail address of the application; fills in the case's own parameters. */
@Component
class ApplicantNotices {

  private final Notices notices;

  ApplicantNotices(Notices notices) {
    this.notices = notices;
  }

  void tell(VariableScope scope, String processInstanceId, NoticeKind kind, NoticeTemplate template, Map<String, String> parameters) {
    String caseNumber = (String) scope.getVariable(CASE_NUMBER);
    Map<String, String> ofTheCase = new LinkedHashMap<>();
    ofTheCase.put(PROJECT_NAME, (String) scope.getVariable(PROJECT_NAME));
    ofTheCase.put(CASE_NUMBER, caseNumber);
    ofTheCase.put(MATTER_NAME, (String) scope.getVariable(MATTER_NAME));
    ofTheCase.keySet().retainAll(template.parameters());
    Map<String, String> values = new LinkedHashMap<>(ofTheCase);
    values.putAll(parameters);
    notices.tellPerson(Cause.of(processInstanceId, caseNumber), kind,
        Person.applicant(scope.getVariable(APPLICANT_PHONE), scope.getVariable(APPLICANT_EMAIL)), template, values);
  }
}

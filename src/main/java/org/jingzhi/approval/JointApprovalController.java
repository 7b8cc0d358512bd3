package org.jingzhi.approval;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class JointApprovalController {

  private final JointApprovals approvals;
  private final CaseViews views;

  JointApprovalController(JointApprovals approvals, CaseViews views) {
    this.approvals = approvals;
    this.views = views;
  }

  @PostMapping("/joint-approvals")
  @ResponseStatus(HttpStatus.CREATED)
  Submission submit(@RequestBody(required = false) ApplicationRequest request) {
    return approvals.submit(request);
  }

  /** Answers the case as it stands after the supplement. */
  @PostMapping("/joint-approvals/{caseNumber}/supplements")
  CaseView supplement(@PathVariable String caseNumber, @RequestBody(required = false) SupplementRequest request) {
    approvals.supplement(caseNumber, request);
    return views.staffView(caseNumber);
  }

  @GetMapping("/joint-approvals/{caseNumber}")
  CaseView staffView(@PathVariable String caseNumber) {
    return views.staffView(caseNumber);
  }

  @GetMapping("/public/cases/{caseNumber}")
  PublicCaseView publicView(@PathVariable String caseNumber, @RequestParam(required = false) String queryCode) {
    return views.publicView(caseNumber, queryCode);
  }
}

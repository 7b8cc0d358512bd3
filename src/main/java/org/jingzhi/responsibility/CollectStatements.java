package org.jingzhi.responsibility;

import static org.jingzhi.responsibility.AdjudicationProcess.*;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jingzhi.cases.Texts;
import org.jingzhi.organization.Organization;
import org.springframework.stereotype.Component;

/** 汇总各方陈述: what each party said, or that it missed its limit, for the group; the ruling's limit starts now. */
@Component("collectStatements")
class CollectStatements implements JavaDelegate {

  private final Organization organization;
  private final AdjudicationLimits limits;

  CollectStatements(Organization organization, AdjudicationLimits limits) {
    this.organization = organization;
    this.limits = limits;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> parties = Texts.list(execution.getVariable(PARTY_UNITS));
    execution.setVariable(STATEMENTS_SUMMARY, parties.stream().map(party -> {
      String statement = Texts.text(execution.getVariable(STATEMENT_OF + party));
      return "【" + organization.shortName(party) + "】" + (statement == null ? "逾期未陈述" : statement);
    }).collect(Collectors.joining("\n")));
    limits.startRuling(execution);
  }
}

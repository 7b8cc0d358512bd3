package org.jingzhi.responsibility;

import static org.jingzhi.responsibility.AdjudicationProcess.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.jingzhi.engine.RefusedInputException;
import org.jingzhi.organization.Organization;
import org.springframework.stereotype.Component;

/** 受理争议: the parties the group names are units of the org tree that can hold or own an event; each gets a statement task. */
@Component("disputeParties")
class DisputeParties implements TaskListener {

  private final Parties parties;

  DisputeParties(Organization organization) {
    this.parties = new Parties(organization);
  }

  @Override
  public void notify(DelegateTask task) {
    String text = String.valueOf(task.getVariable(PARTIES));
    List<String> named = Arrays.stream(text.split("[,，、\\s]+")).map(String::trim).filter(party -> !party.isEmpty()).toList();
    List<String> units = new ArrayList<>();
    for (String party : named) {
      String unit = parties.unit(party, "当事方");
      if (!units.contains(unit)) {
        units.add(unit);
      }
    }
    if (units.isEmpty()) {
      throw new RefusedInputException("请至少确定一个当事方（parties：单位代码或部门编码，逗号分隔）");
    }
    task.getExecution().getProcessInstance().setVariable(PARTY_UNITS, units);
  }
}

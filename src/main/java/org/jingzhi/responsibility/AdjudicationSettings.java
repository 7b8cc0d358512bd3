package org.jingzhi.responsibility;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code jingzhi.adjudication.*}: the limits of 疑难诉求裁定, in working days. */
@ConfigurationProperties("jingzhi.adjudication")
public class AdjudicationSettings {

  /** For the group to open a dispute and name the parties. */
  private int openWorkingDays = 1;
  /** For each party to state its view. */
  private int statementWorkingDays = 1;
  /** For the ruling, from the moment the statements are in (a joint meeting included). */
  private int rulingWorkingDays = 3;
  /** For each co-handler named by the ruling to record its contribution. */
  private int coHandlingWorkingDays = 3;

  public int getOpenWorkingDays() {
    return openWorkingDays;
  }

  public void setOpenWorkingDays(int openWorkingDays) {
    this.openWorkingDays = openWorkingDays;
  }

  public int getStatementWorkingDays() {
    return statementWorkingDays;
  }

  public void setStatementWorkingDays(int statementWorkingDays) {
    this.statementWorkingDays = statementWorkingDays;
  }

  public int getRulingWorkingDays() {
    return rulingWorkingDays;
  }

  public void setRulingWorkingDays(int rulingWorkingDays) {
    this.rulingWorkingDays = rulingWorkingDays;
  }

  public int getCoHandlingWorkingDays() {
    return coHandlingWorkingDays;
  }

  public void setCoHandlingWorkingDays(int coHandlingWorkingDays) {
    this.coHandlingWorkingDays = coHandlingWorkingDays;
  }
}

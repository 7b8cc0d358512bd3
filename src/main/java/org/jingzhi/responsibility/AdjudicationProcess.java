package org.jingzhi.responsibility;

/** Names {@code processes/adjudication.bpmn} (疑难诉求裁定) and its callers share. */
public final class AdjudicationProcess {

  public static final String KEY = "adjudication";
  /** The group that rules (疑难诉求裁定小组). */
  public static final String GROUP = "adjudication";

  // activities
  public static final String OPEN_DISPUTE = "openDispute";
  public static final String STATEMENT = "statement";
  public static final String RULE = "rule";
  public static final String JOINT_MEETING = "jointMeeting";

  // variables
  /** Units the disputing level names ({@code dispute} action of the chain). */
  public static final String DISPUTE_UNITS = "disputeUnits";
  public static final String DISPUTE_REASON = "disputeReason";
  /** What raised the dispute: the chain's action, {@code sendBack} (the third) or {@code dispute}. */
  public static final String TRIGGER = "trigger";
  public static final String DISPUTING_UNIT = "currentUnit";
  public static final String PARTIES = "parties";
  public static final String PARTY_UNITS = "partyUnits";
  public static final String STATEMENT_TEXT = "statement";
  /** Each party's statement, as a process variable of its own: parallel parties never write the same variable. */
  public static final String STATEMENT_OF = "statement_";
  public static final String STATEMENTS_SUMMARY = "statementsSummary";
  public static final String RULING_DUE = "rulingDue";
  public static final String RULING_CHOICE = "rulingChoice";
  public static final String OWNER_UNIT = "ownerUnit";
  public static final String OWNER_UNIT_NAME = "ownerUnitName";
  public static final String CO_HANDLER_UNITS = "coHandlerUnits";
  public static final String RULING_REASON = "rulingReason";
  /** The ruling becomes precedent (案例制), with these conditions and owner; its number once recorded. */
  public static final String PRECEDENT = "precedent";
  public static final String PRECEDENT_KEYWORDS = "precedentKeywords";
  public static final String PRECEDENT_LOCATION = "precedentLocation";
  public static final String PRECEDENT_CHANNEL = "precedentChannel";
  public static final String PRECEDENT_OWNER = "precedentOwner";
  public static final String PRECEDENT_NUMBER = "precedentNumber";

  // choices
  public static final String RULE_NOW = "rule";
  public static final String MEETING_FIRST = "meeting";

  private AdjudicationProcess() {
  }
}

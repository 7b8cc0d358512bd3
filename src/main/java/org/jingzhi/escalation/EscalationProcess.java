package org.jingzhi.escalation;

/** Names the models {@code escalation-chain.bpmn} and {@code escalation-level.bpmn} and their clients share. */
public final class EscalationProcess {

  public static final String KEY = "escalation-chain";
  public static final String LEVEL_KEY = "escalation-level";

  // activities
  public static final String HANDLE = "handle";
  public static final String REPORT = "report";
  public static final String RETURN_VISIT = "returnVisit";
  public static final String REROUTE = "reroute";
  /** The command centre's decision after the third send-back, in events started before adjudication existed. */
  public static final String DECIDE_OWNER = "decideOwner";
  /** The call of {@code adjudication} (疑难诉求裁定) after the third send-back or a dispute. */
  public static final String ADJUDICATE = "adjudicate";

  // variables (domain.md section 6)
  public static final String EVENT_NUMBER = "eventNumber";
  /** The user who reported the event (the start event's initiator). */
  public static final String REPORTED_BY = "reportedBy";
  public static final String CATEGORY = "category";
  public static final String CATEGORY_NAME = "categoryName";
  public static final String DESCRIPTION = "description";
  public static final String COMMUNITY_CODE = "communityCode";
  public static final String ADDRESS = "address";
  public static final String REPORTER_NAME = "reporterName";
  public static final String REPORTER_PHONE = "reporterPhone";
  public static final String CHANNEL = "channel";
  public static final String URGENT = "urgent";
  public static final String EVENT_CATEGORY = "eventCategory";
  public static final String LEVELS = "levels";
  public static final String LEVEL_INDEX = "levelIndex";
  public static final String CURRENT_LEVEL = "currentLevel";
  public static final String CURRENT_LEVEL_NAME = "currentLevelName";
  public static final String CURRENT_UNIT = "currentUnit";
  public static final String CURRENT_UNIT_NAME = "currentUnitName";
  public static final String LEVEL_DUE = "levelDue";
  /** A level's own variables ({@code escalation-level}, given by the chain's call activity): the level and the unit that holds it. */
  public static final String LEVEL = "level";
  public static final String LEVEL_NAME = "levelName";
  public static final String UNIT = "unit";
  public static final String UNIT_NAME = "unitName";
  public static final String DEFAULT_DEPARTMENTS = "defaultDepartments";
  public static final String ACTION = "action";
  public static final String NOTE = "note";
  public static final String DEPARTMENTS = "departments";
  public static final String SUMMON_DEPARTMENTS = "summonDepartments";
  public static final String SEND_BACK_COUNT = "sendBackCount";
  public static final String UNSATISFIED_COUNT = "unsatisfiedCount";
  public static final String OWNER_UNIT = "ownerUnit";
  public static final String DISPUTE_UNITS = "disputeUnits";
  /** The owner a ruling named: it may not send the event back or dispute it again. */
  public static final String RULED_OWNER = "ruledOwner";
  /** The precedent (案例) that routed the event on report, and the owner it named. */
  public static final String PRECEDENT_NUMBER = "precedentNumber";
  public static final String PRECEDENT_OWNER = "precedentOwner";
  public static final String PRECEDENT_OWNER_NAME = "precedentOwnerName";
  /** The owning department of the event's category by the 权责清单 (responsibility.dmn), and its short name. */
  public static final String OWNER_DEPARTMENT = "ownerDepartment";
  public static final String OWNER_DEPARTMENT_NAME = "ownerDepartmentName";
  public static final String SATISFACTION = "satisfaction";
  public static final String RESOLVED = "resolved";

  // actions
  public static final String RESOLVE = "resolve";
  public static final String ESCALATE = "escalate";
  public static final String SUMMON = "summon";
  public static final String SEND_BACK = "sendBack";
  /** A street, district or the city disputes who owns the event, naming the units ({@code disputeUnits}). */
  public static final String DISPUTE = "dispute";

  // levels
  public static final String COMMUNITY = "community";
  public static final String STREET = "street";
  public static final String DISTRICT = "district";
  public static final String CITY = "city";

  private EscalationProcess() {
  }
}

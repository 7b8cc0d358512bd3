package org.jingzhi.escalation;

import java.util.Arrays;
import org.jingzhi.organization.UnitType;

/** The four levels of the chain, bottom up. */
public enum Level {
  COMMUNITY(EscalationProcess.COMMUNITY, "社区", UnitType.COMMUNITY, "communityDays"),
  STREET(EscalationProcess.STREET, "街道", UnitType.STREET, "streetDays"),
  DISTRICT(EscalationProcess.DISTRICT, "区", UnitType.DISTRICT, "districtDays"),
  CITY(EscalationProcess.CITY, "市", UnitType.COMMAND_CENTER, "cityDays");

  public final String code;
  public final String label;
  /** The unit that handles events at this level; at the city, the command centre. */
  public final UnitType handler;
  /** The event catalogue's column with this level's limit in working days. */
  public final String daysColumn;

  Level(String code, String label, UnitType handler, String daysColumn) {
    this.code = code;
    this.label = label;
    this.handler = handler;
    this.daysColumn = daysColumn;
  }

  public static Level of(String code) {
    return Arrays.stream(values()).filter(level -> level.code.equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown level " + code));
  }

  public static Level ofUnitType(UnitType type) {
    return switch (type) {
      case COMMUNITY -> COMMUNITY;
      case STREET -> STREET;
      case DISTRICT -> DISTRICT;
      case CITY, COMMAND_CENTER -> CITY;
      default -> throw new IllegalArgumentException(type.code() + " is not a level of the chain");
    };
  }
}

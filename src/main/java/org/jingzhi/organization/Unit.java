package org.jingzhi.organization;

/**
 * A unit of the org tree. {@code code} is its 12-digit code (statistical division layout for
 * territorial units); {@code groupId} is its Camunda group: the short key of a department or
 * special unit (e.g. {@code market}), the code itself for a territorial unit. {@code shortName} is
 * what task names use (「市场监管局审查：…」); it defaults to the name. {@code email}: the unit's mailbox for notices, if
 * it has one.
 */
public record Unit(String code, String groupId, String name, String shortName, UnitType type, String parentCode, String email) {

  public Unit {
    if (shortName == null || shortName.isBlank()) {
      shortName = name;
    }
  }

  public Unit(String code, String groupId, String name, String shortName, UnitType type, String parentCode) {
    this(code, groupId, name, shortName, type, parentCode, null);
  }

  public Unit(String code, String groupId, String name, UnitType type, String parentCode) {
    this(code, groupId, name, null, type, parentCode, null);
  }
}

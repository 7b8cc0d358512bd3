package org.jingzhi.organization;

/**
 * A unit of the org tree. {@code code} is its 12-digit code (statistical division layout for
 * territorial units); {@code groupId} is its Camunda group: the short key of a department or
 * special unit (e.g. {@code market}), the code itself for a territorial unit.
 */
public record Unit(String code, String groupId, String name, UnitType type, String parentCode) {
}

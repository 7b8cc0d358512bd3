package org.jingzhi.responsibility;

import java.util.Set;
import org.jingzhi.engine.RefusedInputException;
import org.jingzhi.organization.Organization;
import org.jingzhi.organization.Unit;
import org.jingzhi.organization.UnitType;

/** Who can be a party to a dispute or own an event by a ruling: a community, street, district or department. */
final class Parties {

  private static final Set<UnitType> TYPES = Set.of(UnitType.COMMUNITY, UnitType.STREET, UnitType.DISTRICT, UnitType.DEPARTMENT);

  private final Organization organization;

  Parties(Organization organization) {
    this.organization = organization;
  }

  /** The unit's group id; a {@link RefusedInputException} naming the field for anything else. */
  String unit(String codeOrGroupId, String field) {
    return organization.find(codeOrGroupId).filter(unit -> TYPES.contains(unit.type())).map(Unit::groupId)
        .orElseThrow(() -> new RefusedInputException(field + "须为社区、街道、区的 12 位代码或部门编码，收到：" + codeOrGroupId));
  }

  String name(String groupId) {
    return organization.shortName(groupId);
  }
}

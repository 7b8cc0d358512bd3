package org.jingzhi.organization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jingzhi.cases.PersonalData;

/**
 * The org tree loaded from the organization file: units by code or group id, and each unit's chain
 * of parents up to the city (community → street → district → city).
 */
public class Organization {

  private static final Pattern CODE = Pattern.compile("\\d{12}");
  private static final Pattern GROUP_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  private final Map<String, Unit> byCode = new LinkedHashMap<>();
  private final Map<String, Unit> byGroupId = new LinkedHashMap<>();

  public Organization(Collection<Unit> units) {
    for (Unit unit : units) {
      index(unit);
    }
    for (Unit unit : units) {
      checkParent(unit);
    }
    long cities = units.stream().filter(unit -> unit.type() == UnitType.CITY).count();
    if (cities != 1) {
      throw new IllegalArgumentException("the organization file must have exactly one unit of type city, found " + cities);
    }
  }

  public Collection<Unit> units() {
    return Collections.unmodifiableCollection(byCode.values());
  }

  /** The unit with this 12-digit code or group id. */
  public Optional<Unit> find(String codeOrGroupId) {
    if (codeOrGroupId == null) {
      return Optional.empty();
    }
    Unit unit = byCode.get(codeOrGroupId);
    return Optional.ofNullable(unit != null ? unit : byGroupId.get(codeOrGroupId));
  }

  public Unit get(String codeOrGroupId) {
    return find(codeOrGroupId).orElseThrow(() -> new UnknownUnitException(codeOrGroupId));
  }

  public boolean isUnitGroup(String groupId) {
    return byGroupId.containsKey(groupId);
  }

  /** The unit itself followed by its parents up to the city. */
  public List<Unit> chain(String codeOrGroupId) {
    List<Unit> chain = new ArrayList<>();
    for (Unit unit = get(codeOrGroupId); unit != null; unit = byCode.get(unit.parentCode())) {
      chain.add(unit);
    }
    return chain;
  }

  /** The unit of the given type on the chain of {@code codeOrGroupId}, e.g. the street of a community. */
  public Optional<Unit> ancestor(String codeOrGroupId, UnitType type) {
    return chain(codeOrGroupId).stream().filter(unit -> unit.type() == type).findFirst();
  }

  public List<Unit> ofType(UnitType type) {
    return byCode.values().stream().filter(unit -> unit.type() == type).toList();
  }

  public String displayName(String codeOrGroupId) {
    return find(codeOrGroupId).map(Unit::name).orElse(codeOrGroupId);
  }

  /** The name used in task names, e.g. 「市场监管局」 for {@code market}. */
  /** The group of the unit's leadership (e.g. {@code market-lead}), who approves its extensions; empty if the file names none. */
  public Optional<String> leadershipOf(String codeOrGroupId) {
    Unit unit = get(codeOrGroupId);
    return units().stream().filter(candidate -> candidate.type() == UnitType.LEADERSHIP && unit.code().equals(candidate.parentCode()))
        .map(Unit::groupId).findFirst();
  }

  /** {@link #leadershipOf} for models: {@code camunda:candidateGroups="${organization.leaderGroup(department)}"}. */
  public String leaderGroup(String codeOrGroupId) {
    return leadershipOf(codeOrGroupId).orElseThrow(() -> new IllegalStateException("组织架构中没有 " + codeOrGroupId + " 的单位领导（type: leadership）"));
  }

  public String shortName(String codeOrGroupId) {
    return find(codeOrGroupId).map(Unit::shortName).orElse(codeOrGroupId);
  }

  private void index(Unit unit) {
    if (unit.code() == null || !CODE.matcher(unit.code()).matches()) {
      throw new IllegalArgumentException("unit '" + unit.name() + "' needs a 12-digit code, has " + unit.code());
    }
    if (unit.name() == null || unit.name().isBlank() || unit.type() == null) {
      throw new IllegalArgumentException("unit " + unit.code() + " needs a name and a type");
    }
    if (!GROUP_ID.matcher(unit.groupId()).matches()) {
      throw new IllegalArgumentException("unit " + unit.code() + " has an invalid id '" + unit.groupId()
          + "': lower-case letters, digits and '-', at most 64");
    }
    if (unit.email() != null && !PersonalData.isEmail(unit.email())) {
      throw new IllegalArgumentException("unit " + unit.code() + " has an invalid email '" + unit.email() + "'");
    }
    if (byCode.put(unit.code(), unit) != null) {
      throw new IllegalArgumentException("unit code " + unit.code() + " appears twice");
    }
    if (byCode.containsKey(unit.groupId()) && !unit.groupId().equals(unit.code()) || byGroupId.put(unit.groupId(), unit) != null) {
      throw new IllegalArgumentException("unit id " + unit.groupId() + " appears twice");
    }
  }

  private void checkParent(Unit unit) {
    UnitType expected = unit.type().parentType();
    if (expected == null) {
      if (unit.parentCode() != null) {
        throw new IllegalArgumentException("the city " + unit.code() + " cannot have a parent");
      }
      return;
    }
    Unit parent = byCode.get(unit.parentCode());
    if (parent == null) {
      throw new IllegalArgumentException("unit " + unit.code() + " (" + unit.name() + ") names unknown parent " + unit.parentCode());
    }
    if (!unit.type().acceptsParent(parent.type())) {
      throw new IllegalArgumentException("unit " + unit.code() + " (" + unit.name() + ") is a " + unit.type().code()
          + " and must belong to a " + expected.code() + ", but its parent " + parent.code() + " is a " + parent.type().code());
    }
  }
}

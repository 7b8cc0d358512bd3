package org.jingzhi.organization;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** What kind of unit a group of the org tree is; also the Camunda group type. */
public enum UnitType {
  CITY("city", "市"),
  DISTRICT("district", "区"),
  STREET("street", "街道"),
  COMMUNITY("community", "社区"),
  DEPARTMENT("department", "市直部门"),
  SERVICE_CENTER("service-center", "政务服务中心"),
  HOTLINE("hotline", "12345 热线"),
  COMMAND_CENTER("command-center", "城市运行指挥中心"),
  ADJUDICATION("adjudication", "疑难诉求裁定小组"),
  SUPERVISION("supervision", "效能督查"),
  /** The head of a department or of the service centre: approves its unit's extensions (延期). */
  LEADERSHIP("leadership", "单位领导");

  private final String code;
  private final String label;

  UnitType(String code, String label) {
    this.code = code;
    this.label = label;
  }

  @JsonValue
  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  /** City, district, street and community: the levels of the escalation chain. */
  public boolean isTerritorial() {
    return this == CITY || this == DISTRICT || this == STREET || this == COMMUNITY;
  }

  /** Whether a unit of this type may belong to a unit of type {@code parent}; a leadership belongs to the unit it leads. */
  public boolean acceptsParent(UnitType parent) {
    return this == LEADERSHIP ? parent == DEPARTMENT || parent == SERVICE_CENTER : parent == parentType();
  }

  /** The type a unit's parent must have; {@code null} for the city, the root. */
  public UnitType parentType() {
    return switch (this) {
      case CITY -> null;
      case STREET -> DISTRICT;
      case COMMUNITY -> STREET;
      case LEADERSHIP -> DEPARTMENT;
      default -> CITY;
    };
  }

  @JsonCreator
  public static UnitType fromCode(String code) {
    return Arrays.stream(values())
        .filter(type -> type.code.equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "unknown unit type '" + code + "', expected one of " + Arrays.stream(values()).map(UnitType::code).toList()));
  }
}

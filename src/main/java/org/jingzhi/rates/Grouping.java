package org.jingzhi.rates;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/** How {@code GET /api/rates} groups: {@code unit}, {@code level}, {@code category} or {@code department}. */
enum Grouping {
  UNIT, LEVEL, CATEGORY, DEPARTMENT;

  /** As {@code groupBy} names it. */
  @JsonValue
  String code() {
    return name().toLowerCase();
  }

  static List<String> codes() {
    return Arrays.stream(values()).map(Grouping::code).toList();
  }

  static Grouping of(String value) {
    return Arrays.stream(values()).filter(grouping -> grouping.code().equals(value)).findFirst().orElse(null);
  }
}

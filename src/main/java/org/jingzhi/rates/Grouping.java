package org.jingzhi.rates;

import java.util.Arrays;
import java.util.List;

/** How {@code GET /api/rates} groups: {@code unit}, {@code level}, {@code category} or {@code department}. */
enum Grouping {
  UNIT, LEVEL, CATEGORY, DEPARTMENT;

  static Grouping of(String value) {
    List<String> names = Arrays.stream(values()).map(grouping -> grouping.name().toLowerCase()).toList();
    if (value == null || !names.contains(value)) {
      return null;
    }
    return valueOf(value.toUpperCase());
  }
}

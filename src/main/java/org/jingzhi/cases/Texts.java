package org.jingzhi.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/** Text as users submit it: trimmed, and empty meaning absent. */
public final class Texts {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Texts() {
  }

  public static String text(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString().trim();
    return text.isEmpty() ? null : text;
  }

  /**
   * A list of texts as clients send one: a list (Tasklist, the Java API), a JSON array (a {@code Json}
   * variable, as Camunda's REST clients send lists), or text separated by commas or spaces. Blank
   * entries are dropped.
   */
  public static List<String> list(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> list) {
      return trimmed(list.stream().map(String::valueOf));
    }
    String text = value.toString().trim();
    if (text.startsWith("[")) {
      try {
        return trimmed(JSON.readValue(text, List.class).stream().map(String::valueOf));
      } catch (JsonProcessingException notJson) {
        // taken as separated text below
      }
    }
    return trimmed(Arrays.stream(text.split("[,，\\s]+")));
  }

  private static List<String> trimmed(Stream<String> values) {
    return values.map(String::trim).filter(value -> !value.isEmpty()).toList();
  }
}

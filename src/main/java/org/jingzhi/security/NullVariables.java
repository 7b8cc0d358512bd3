package org.jingzhi.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;

/**
 * Tasklist sends a Camunda Forms checklist whose variable exists but is empty (an input parameter without a value) with
 * that variable's type and the list written out: {@code {"type": "Null", "value": "[\"ecology\"]"}}. The REST layer
 * cannot convert a Null-typed variable that carries a value and refuses the whole form with an empty 400, so the clerk
 * could not complete the task (the adjudication group's ruling, ticked co-handlers or none). Such a value is taken as the
 * JSON it is — {@code {"type": "Json", …}} when it is a list or an object — and any other value of a Null-typed variable
 * is dropped. What the variable may be is still decided by the task's form rules.
 */
final class NullVariables {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private NullVariables() {
  }

  /** The body with its Null-typed {@code variables} repaired, or the body itself when it has none. */
  static JsonBody repaired(JsonBody body) throws IOException {
    JsonNode root = MAPPER.readTree(body.bytes());
    if (root == null || !root.path("variables").isObject()) {
      return body;
    }
    boolean changed = false;
    for (Iterator<JsonNode> variables = root.get("variables").elements(); variables.hasNext(); ) {
      if (variables.next() instanceof ObjectNode variable && "null".equalsIgnoreCase(variable.path("type").asText()) && variable.has("value")) {
        if (isJsonContainer(variable.get("value"))) {
          variable.put("type", "Json");
        } else {
          variable.remove("value");
        }
        changed = true;
      }
    }
    return changed ? body.with(MAPPER.writeValueAsBytes(root)) : body;
  }

  private static boolean isJsonContainer(JsonNode value) {
    if (!value.isTextual()) {
      return false;
    }
    try {
      JsonNode parsed = MAPPER.readTree(value.asText());
      return parsed != null && (parsed.isArray() || parsed.isObject());
    } catch (IOException notJson) {
      return false;
    }
  }
}

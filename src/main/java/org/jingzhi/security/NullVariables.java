package org.jingzhi.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;

/**
 * Tasklist sends a Camunda Forms checklist whose variable exists but is empty (an input parameter without a value) with
 * that variable's type and the list written out: {@code {"type": "Null", "value": "[\"ecology\"]"}}. The REST layer
 * cannot convert a Null-typed variable that carries a value and refused the whole form with an empty 400, so the clerk
 * could not complete the task (the adjudication group's ruling, ticked co-handlers or none). Such a value — a list or an
 * object written out, as Tasklist sends — is taken as the JSON it is ({@code "type": "Json"}); anything else is left as
 * it came, for the REST layer to refuse. What the variable may be is still decided by the task's form rules, exactly as
 * for a client that sends {@code "type": "Json"} itself.
 */
final class NullVariables {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> NULL_TYPES = Set.of("Null", "null");

  private NullVariables() {
  }

  /** The body with its Tasklist-typed lists repaired, or the body itself when it has none. */
  static JsonBody repaired(JsonBody body) throws IOException {
    String text = new String(body.bytes(), StandardCharsets.UTF_8);
    if (!text.contains("\"Null\"") && !text.contains("\"null\"")) {
      return body;
    }
    JsonNode root = MAPPER.readTree(body.bytes());
    if (root == null || !root.path("variables").isObject()) {
      return body;
    }
    boolean changed = false;
    for (Iterator<JsonNode> variables = root.get("variables").elements(); variables.hasNext(); ) {
      if (variables.next() instanceof ObjectNode variable && NULL_TYPES.contains(variable.path("type").asText())
          && isWrittenOutJson(variable.path("value"))) {
        variable.put("type", "Json");
        changed = true;
      }
    }
    return changed ? body.with(MAPPER.writeValueAsBytes(root)) : body;
  }

  private static boolean isWrittenOutJson(JsonNode value) {
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

package org.jingzhi.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The fields of a Camunda Form ({@code .form} JSON), with what the form asks of each. */
final class FormSchema {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> CHOICES = Set.of("radio", "select", "checklist", "taglist");

  final String id;
  final List<FormField> fields;

  private FormSchema(String id, List<FormField> fields) {
    this.id = id;
    this.fields = fields;
  }

  static FormSchema read(InputStream in) throws IOException {
    JsonNode form = JSON.readTree(in);
    List<FormField> fields = new ArrayList<>();
    collect(form.path("components"), fields);
    return new FormSchema(form.path("id").asText(), List.copyOf(fields));
  }

  private static void collect(JsonNode components, List<FormField> fields) {
    for (JsonNode component : components) {
      if (component.has("components")) {
        collect(component.get("components"), fields);
      }
      if (!component.hasNonNull("key")) {
        continue;
      }
      String type = component.path("type").asText();
      JsonNode validate = component.path("validate");
      Set<String> values = null;
      if (CHOICES.contains(type) && component.has("values")) {
        values = new LinkedHashSet<>();
        for (JsonNode value : component.get("values")) {
          values.add(value.path("value").asText());
        }
      }
      String hide = component.path("conditional").path("hide").asText(null);
      fields.add(new FormField(component.get("key").asText(), component.path("label").asText(component.get("key").asText()),
          validate.path("required").asBoolean(false), values, type.equals("checklist") || type.equals("taglist"),
          validate.has("maxLength") ? validate.get("maxLength").asInt() : null,
          validate.hasNonNull("pattern") ? Pattern.compile(validate.get("pattern").asText()) : null,
          hide == null || hide.isBlank() ? null : hide.startsWith("=") ? hide.substring(1) : hide,
          component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false)));
    }
  }
}

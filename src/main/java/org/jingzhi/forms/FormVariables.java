package org.jingzhi.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.type.PrimitiveValueType;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.jingzhi.engine.RefusedInputException;

/**
 * What a client may write and read at a user task or a start event: the fields of its Camunda Form,
 * nothing else. A field the user fills in is the task's own; a read-only field shows case data and
 * may only come back unchanged (Tasklist submits it with the rest); every other variable of the case
 * belongs to the process. An element without a form owns nothing.
 */
public final class FormVariables {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** How a list of texts arrives as a JSON object variable (the engine names its element type too). */
  private static final Set<String> LIST_TYPES = Set.of("java.util.ArrayList", "java.util.LinkedList", "java.util.List");

  private final String formId;
  private final Map<String, FormField> fields;

  private FormVariables(String formId, Map<String, FormField> fields) {
    this.formId = formId;
    this.fields = fields;
  }

  /** Inside a command, after the caller's right to the task has been checked. */
  public static FormVariables ofTask(CommandContext context, TaskEntity task) {
    return of(DeployedForms.ofTask(context, task).orElse(null));
  }

  public static FormVariables ofStart(CommandContext context, String processDefinitionId) {
    return of(DeployedForms.ofStart(context, processDefinitionId).orElse(null));
  }

  static FormVariables of(FormSchema schema) {
    Map<String, FormField> fields = new LinkedHashMap<>();
    if (schema != null) {
      schema.fields.forEach(field -> fields.putIfAbsent(field.key(), field));
    }
    return new FormVariables(schema == null ? null : schema.id, fields);
  }

  /** The form shows it: its fields are what the task's users read of the case. */
  public boolean mayRead(String name) {
    return fields.containsKey(name);
  }

  /** Of variables read for a client, those the form shows. */
  public VariableMap shown(VariableMap read) {
    VariableMap shown = Variables.createVariables();
    read.keySet().stream().filter(this::mayRead).forEach(name -> shown.putValueTyped(name, read.getValueTyped(name)));
    return shown;
  }

  /**
   * Refuses the whole submission, naming the variables, when any of them is not the form's to write,
   * changes a read-only field, or has a type a form cannot produce.
   */
  public void checkWrite(Map<String, ?> submitted, Function<String, Object> current) {
    if (submitted == null || submitted.isEmpty()) {
      return;
    }
    var typed = Variables.fromMap(castToObjects(submitted));
    List<String> foreign = new ArrayList<>();
    List<String> changedReadOnly = new ArrayList<>();
    List<String> badlyTyped = new ArrayList<>();
    for (String name : submitted.keySet()) {
      FormField field = fields.get(name);
      TypedValue value = typed.getValueTyped(name);
      if (field == null) {
        foreign.add(name);
      } else if (!acceptable(field, value)) {
        badlyTyped.add(field.label() + "（" + name + "）");
      } else if (field.readonly() && !same(plain(value), current.apply(name))) {
        changedReadOnly.add(field.label() + "（" + name + "）");
      }
    }
    List<String> problems = new ArrayList<>();
    if (!foreign.isEmpty()) {
      problems.add((formId == null ? "本任务没有表单，不能写入任何变量" : "以下变量不是表单「" + formId + "」的填写项，不能写入") + "：" + String.join("、", foreign));
    }
    if (!changedReadOnly.isEmpty()) {
      problems.add("只读项不能修改：" + String.join("、", changedReadOnly));
    }
    if (!badlyTyped.isEmpty()) {
      problems.add("取值类型不是表单能提交的类型（文本、数字、是否、日期，多选为文本列表）：" + String.join("、", badlyTyped));
    }
    if (!problems.isEmpty()) {
      throw new RefusedInputException(String.join("；", problems) + "。未作任何修改");
    }
  }

  /** Removing a variable is writing it: only the form's own fillable fields. */
  public void checkRemoval(Collection<String> names) {
    List<String> foreign = names.stream().filter(name -> fields.get(name) == null || fields.get(name).readonly()).toList();
    if (!foreign.isEmpty()) {
      throw new RefusedInputException("以下变量不是本任务表单的填写项，不能删除：" + String.join("、", foreign) + "。未作任何修改");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castToObjects(Map<String, ?> map) {
    return (Map<String, Object>) map;
  }

  private static boolean acceptable(FormField field, TypedValue value) {
    ValueType type = value == null ? null : value.getType();
    if (type == null) {
      Object raw = value == null ? null : value.getValue();
      return raw == null || raw instanceof String || raw instanceof Boolean || raw instanceof Number number && finite(number) || raw instanceof Date
          || field.multiple() && raw instanceof Collection<?> list && list.stream().allMatch(String.class::isInstance);
    }
    if (type instanceof PrimitiveValueType) {
      return type != ValueType.BYTES && !(value.getValue() instanceof Number number && !finite(number));
    }
    if (!field.multiple() || !(value instanceof SerializableValue serializable)) {
      return false;
    }
    boolean jsonList = "json".equals(type.getName()) || type == ValueType.OBJECT
        && Variables.SerializationDataFormats.JSON.getName().equals(serializable.getSerializationDataFormat())
        && value instanceof ObjectValue object && object.getObjectTypeName() != null
        && LIST_TYPES.contains(object.getObjectTypeName().replace("<java.lang.String>", ""));
    return jsonList && plain(value) instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
  }

  private static boolean finite(Number number) {
    return Double.isFinite(number.doubleValue()) || !(number instanceof Double || number instanceof Float);
  }

  /** The submitted value as plain Java: serialized JSON (Tasklist sends lists so) is read back. */
  private static Object plain(TypedValue value) {
    if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      try {
        return JSON.readValue(serializable.getValueSerialized(), Object.class);
      } catch (JsonProcessingException e) {
        return serializable.getValueSerialized();
      }
    }
    if (value != null && value.getType() != null && "json".equals(value.getType().getName())) {
      try {
        return JSON.readValue(String.valueOf(value.getValue()), Object.class);
      } catch (JsonProcessingException | RuntimeException e) {
        return String.valueOf(value.getValue());
      }
    }
    return value == null ? null : value.getValue();
  }

  /** Equal as a form shows them: absent, null and blank alike; numbers by value; lists element by element. */
  static boolean same(Object given, Object current) {
    if (empty(given) || empty(current)) {
      return empty(given) && empty(current);
    }
    if (given instanceof Number a && current instanceof Number b) {
      try {
        return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
      } catch (NumberFormatException notFinite) {
        return false;
      }
    }
    if (given instanceof Collection<?> a && current instanceof Collection<?> b) {
      if (a.size() != b.size()) {
        return false;
      }
      Iterator<?> other = b.iterator();
      return a.stream().allMatch(element -> same(element, other.next()));
    }
    return Objects.equals(given, current);
  }

  private static boolean empty(Object value) {
    return value == null || value instanceof String text && text.isEmpty() || value instanceof Collection<?> list && list.isEmpty();
  }
}

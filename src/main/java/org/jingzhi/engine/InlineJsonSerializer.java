package org.jingzhi.engine;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.variable.serializer.JavaObjectSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializers;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.spin.DataFormats;
import org.camunda.spin.impl.json.jackson.format.JacksonJsonDataFormat;
import org.camunda.spin.impl.json.jackson.format.JacksonJsonDataFormatMapper;
import org.camunda.spin.plugin.impl.SpinObjectValueSerializer;

/**
 * Stores a JSON object variable (a list, a map, a record) in the variable row's own text column when it fits there,
 * instead of in a byte array of its own: Spin's serializer writes every such value as a row of {@code ACT_GE_BYTEARRAY},
 * inserted with the runtime variable and deleted with it, and one more for its history — three rows a value, 21 of a
 * restaurant-opening case's (README 「Database work per case」). A value longer than the column (4,000 characters) is
 * stored in a byte array as before, and so is every value written before this serializer existed: those rows name
 * Spin's serializer and Spin reads them.
 *
 * <p>Such a value is not watched for changes made to the object in place (the engine compares byte arrays for that):
 * a changed list or map is set again, which is what the platform's code does everywhere.
 *
 * <p>Reading a value resolves its type name once: Spin first tries the whole name as a class
 * ({@code java.util.ArrayList<java.lang.String>} is none), and the class loader's search and the exception for a name
 * that is no class cost more than reading the value itself. The types are resolved as Spin resolves them and checked by
 * the engine's deserialization validator at every read, as before.
 */
public final class InlineJsonSerializer extends SpinObjectValueSerializer {

  public static final String NAME = "jingzhi://application/json";
  /** Type names kept resolved; a few in practice (lists, maps, records), bounded against names set by administrators. */
  private static final int KEPT_TYPES = 200;
  /** The length of {@code TEXT_} in the engine's variable tables, in characters. */
  static final int TEXT_COLUMN = 4000;

  private final Map<String, JavaType> types = new ConcurrentHashMap<>();

  public InlineJsonSerializer() {
    super(NAME, DataFormats.getDataFormat(DataFormats.JSON_DATAFORMAT_NAME));
  }

  /** Ahead of Spin's JSON serializer (or of the place Spin's plugin will put it), so that this one is chosen first. */
  public static void register(VariableSerializers serializers) {
    int spin = serializers.getSerializerIndexByName("spin://" + DataFormats.JSON_DATAFORMAT_NAME);
    serializers.addSerializer(new InlineJsonSerializer(), spin >= 0 ? spin : serializers.getSerializerIndexByName(JavaObjectSerializer.NAME));
  }

  @Override
  protected void writeToValueFields(ObjectValue value, ValueFields fields, byte[] serialized) {
    String text = serialized == null ? null : new String(serialized, charset());
    if (text == null || text.length() > TEXT_COLUMN) {
      super.writeToValueFields(value, fields, serialized);
      return;
    }
    fields.setByteArrayValue(null);
    fields.setTextValue(text);
    fields.setTextValue2(getObjectTypeName(value, fields));
  }

  @Override
  protected byte[] readSerializedValueFromFields(ValueFields fields) {
    byte[] stored = fields.getByteArrayValue();
    return stored != null || fields.getTextValue() == null ? stored : fields.getTextValue().getBytes(charset());
  }

  @Override
  protected Object deserializeFromByteArray(byte[] bytes, String objectTypeName) throws Exception {
    try (Reader reader = new InputStreamReader(new ByteArrayInputStream(bytes), charset())) {
      Object tree = dataFormat.getReader().readInput(reader);
      return ((JacksonJsonDataFormatMapper) dataFormat.getMapper()).mapInternalToJava(tree, javaType(objectTypeName),
          getValidator(Context.getProcessEngineConfiguration()));
    }
  }

  private JavaType javaType(String typeName) {
    JavaType known = types.get(typeName);
    if (known != null) {
      return known;
    }
    JavaType resolved;
    try {
      resolved = TypeFactory.defaultInstance().constructType(Class.forName(typeName, true, Thread.currentThread().getContextClassLoader()));
    } catch (ClassNotFoundException notAClass) {
      resolved = ((JacksonJsonDataFormat) dataFormat).constructJavaTypeFromCanonicalString(typeName);
    }
    if (types.size() < KEPT_TYPES) {
      types.put(typeName, resolved);
    }
    return resolved;
  }

  @Override
  public boolean isMutableValue(ObjectValue value) {
    return false;
  }

  private static Charset charset() {
    return Context.getProcessEngineConfiguration().getDefaultCharset();
  }
}

package org.jingzhi.engine;

import java.nio.charset.Charset;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.variable.serializer.JavaObjectSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializers;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.spin.DataFormats;
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
 */
public final class InlineJsonSerializer extends SpinObjectValueSerializer {

  public static final String NAME = "jingzhi://application/json";
  /** The length of {@code TEXT_} in the engine's variable tables, in characters. */
  static final int TEXT_COLUMN = 4000;

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
  public boolean isMutableValue(ObjectValue value) {
    return false;
  }

  private static Charset charset() {
    return Context.getProcessEngineConfiguration().getDefaultCharset();
  }
}

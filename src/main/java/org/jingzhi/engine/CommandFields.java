package org.jingzhi.engine;

import java.lang.invoke.MethodType;
import java.lang.reflect.Field;

/**
 * Reads what an engine command carries (its task id, its variables). The commands keep these in
 * protected fields without accessors; each field is looked up once, at start-up, so an engine that
 * renamed one fails to start instead of letting a request through unchecked.
 */
public final class CommandFields<T> {

  private final Field field;
  private final Class<T> type;

  private CommandFields(Field field, Class<T> type) {
    this.field = field;
    this.type = type;
  }

  public static <T> CommandFields<T> of(Class<?> command, String name, Class<T> type) {
    for (Class<?> declaring = command; declaring != null; declaring = declaring.getSuperclass()) {
      try {
        Field field = declaring.getDeclaredField(name);
        if (!type.isAssignableFrom(MethodType.methodType(field.getType()).wrap().returnType())) {
          throw new IllegalStateException(command.getName() + "." + name + " is no longer a " + type.getSimpleName());
        }
        field.setAccessible(true);
        return new CommandFields<>(field, type);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    throw new IllegalStateException("Camunda changed " + command.getName() + " (no field " + name + "); review the code that reads it");
  }

  public T get(Object command) {
    try {
      return type.cast(field.get(command));
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  public void set(Object command, T value) {
    try {
      field.set(command, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.pageevents.core.event;

import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * The values a record holds under the {@link CandidateNames}, by slot, whatever the record's shape:
 * {@code null} when the record does not have the name, {@link #NULL} when it has it with a null
 * value.
 */
@FunctionalInterface
interface FieldValues {
  /** A name the record holds with a null value (JSON {@code null}, an optional field unset). */
  Object NULL = new Object();

  Object at(int slot);

  static FieldValues of(Struct struct, CandidateNames names) {
    return slot -> {
      Field field = struct.schema().field(names.name(slot));
      if (field == null) {
        return null;
      }
      Object value = struct.get(field);
      return value == null ? NULL : value;
    };
  }

  static FieldValues of(Map<?, ?> map, CandidateNames names) {
    return slot -> {
      String name = names.name(slot);
      Object value = map.get(name);
      return value == null && map.containsKey(name) ? NULL : value;
    };
  }

  static FieldValues of(Object[] slots) {
    return slot -> slots[slot];
  }
}

package dev.pageevents.core.event;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every name a {@link FieldMapping} accepts, numbered once per mapping, so a record's fields are
 * matched by one hash lookup per name and read into slots instead of a map.
 */
final class CandidateNames {
  private final List<String> names = new ArrayList<>();
  private final Map<String, Integer> slots = new HashMap<>();
  private final Map<EventField, int[]> slotsOfField = new EnumMap<>(EventField.class);

  CandidateNames(FieldMapping mapping) {
    for (EventField field : EventField.values()) {
      List<String> candidates = field.candidates(mapping);
      int[] fieldSlots = new int[candidates.size()];
      for (int i = 0; i < fieldSlots.length; i++) {
        fieldSlots[i] = slots.computeIfAbsent(candidates.get(i), this::add);
      }
      slotsOfField.put(field, fieldSlots);
    }
  }

  private int add(String name) {
    names.add(name);
    return names.size() - 1;
  }

  int size() {
    return names.size();
  }

  String name(int slot) {
    return names.get(slot);
  }

  /** The slot of a field name, or -1 when no field is read under that name. */
  int slotOf(String name) {
    Integer slot = slots.get(name);
    return slot == null ? -1 : slot;
  }

  /** The slots of a field's candidate names, in the mapping's order of preference. */
  int[] slotsOf(EventField field) {
    return slotsOfField.get(field);
  }
}

package dev.pageevents.core.event;

import java.util.List;

/**
 * The fields of a page event as errors name them: the name a person thinks of ({@code duration}),
 * the pack's own name ({@code durationMs}) and, through a {@link FieldMapping}, the names a record
 * may use.
 */
enum EventField {
  EVENT_ID("eventId", PageEvent.EVENT_ID),
  PAGE("page", PageEvent.PAGE),
  USER("user", PageEvent.USER),
  TIMESTAMP("timestamp", PageEvent.TIMESTAMP),
  DURATION("duration", PageEvent.DURATION_MS);

  private final String label;
  private final String internalName;

  EventField(String label, String internalName) {
    this.label = label;
    this.internalName = internalName;
  }

  /** How an error names the field when the record holds none of its names. */
  String label() {
    return label;
  }

  /** The field's name in {@link PageEvent} and in the pack's own JSON form. */
  String internalName() {
    return internalName;
  }

  List<String> candidates(FieldMapping mapping) {
    return switch (this) {
      case EVENT_ID -> mapping.eventId();
      case PAGE -> mapping.page();
      case USER -> mapping.user();
      case TIMESTAMP -> mapping.timestamp();
      case DURATION -> mapping.duration();
    };
  }
}

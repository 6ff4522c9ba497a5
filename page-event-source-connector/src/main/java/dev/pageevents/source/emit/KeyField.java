package dev.pageevents.source.emit;

/** Which event field becomes the record key ({@code key.field}). */
public enum KeyField {
  PAGE,
  USER,
  NONE
}

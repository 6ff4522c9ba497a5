package dev.pageevents.core.sink;

/** How the write pipeline treats an error a store raised. */
public enum ErrorKind {
  /** Timeouts, unavailable nodes, throttling (429/503): retry with backoff. */
  TRANSIENT,
  /** The store rejected one or more records of the batch: find them and report only those. */
  DATA,
  /** Authentication, permissions, a missing or wrong schema: fail fast, a person must act. */
  FATAL
}

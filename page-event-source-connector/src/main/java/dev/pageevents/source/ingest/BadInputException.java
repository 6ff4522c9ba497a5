package dev.pageevents.source.ingest;

/** Ingested input that is not page events; the message names the line and the problem. */
public class BadInputException extends Exception {
  private final int line;

  public BadInputException(int line, String problem, Throwable cause) {
    super("line " + line + ": " + problem, cause);
    this.line = line;
  }

  /** The 1-based line of the input where the problem is. */
  public int line() {
    return line;
  }
}

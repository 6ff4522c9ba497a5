package dev.pageevents.configs;

/** A Connect REST call that answered with an error status, or could not be made at all. */
public class ConnectRestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public ConnectRestException(int status, String message) {
    super(message);
    this.status = status;
  }

  public ConnectRestException(String message, Throwable cause) {
    super(message, cause);
    this.status = -1;
  }

  /** The HTTP status, or -1 when no answer came. */
  public int status() {
    return status;
  }
}

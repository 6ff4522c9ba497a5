package dev.pageevents.stack;

/** A server the user runs, named by an environment variable: usable, but not ours to control. */
class ExternalServer implements StoreServer {
  private final String variable;
  private final String endpoint;

  ExternalServer(String variable, String endpoint) {
    this.variable = variable;
    this.endpoint = endpoint;
  }

  @Override
  public String endpoint() {
    return endpoint;
  }

  @Override
  public boolean external() {
    return true;
  }

  @Override
  public void stop() {
    throw unsupported("stop");
  }

  @Override
  public void start() {
    // An external server is started by its owner; nothing to do.
  }

  @Override
  public void kill() {
    throw unsupported("kill");
  }

  @Override
  public void pause() {
    throw unsupported("pause");
  }

  @Override
  public void resume() {
    throw unsupported("resume");
  }

  @Override
  public void close() {
    // Not ours: leave it running with its data.
  }

  private UnsupportedOperationException unsupported(String operation) {
    return new UnsupportedOperationException(
        operation
            + " needs an embedded server, but this one is external ("
            + variable
            + "="
            + endpoint
            + "): unset "
            + variable
            + " to run fault tests");
  }

  @Override
  public String toString() {
    return "external " + endpoint;
  }
}

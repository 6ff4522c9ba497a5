package dev.pageevents.stack.proxy;

/** What every connection of a {@link TcpProxy} reads from it: the delay and the black hole. */
interface ProxyControl {
  /** The one-way delay now, in nanoseconds. */
  long delayNanos();

  /** Returns at once while forwarding; blocks while the proxy is a black hole. */
  void awaitForwarding() throws InterruptedException;
}

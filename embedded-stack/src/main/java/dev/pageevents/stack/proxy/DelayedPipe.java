package dev.pageevents.stack.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;

/**
 * One direction of a proxied connection: a reader stamps every chunk it reads with its due time
 * (read time + the proxy's one-way delay) and queues it; a writer sends each chunk once it is due
 * and the proxy forwards. So the delay is added once per chunk while reading goes on: latency, not
 * a bandwidth limit; order is kept because one writer drains one FIFO queue. The queue holds at
 * most {@link #MAX_BUFFERED_BYTES}; when full the reader stops reading and TCP's flow control slows
 * the sender, as a congested link would.
 */
final class DelayedPipe {
  static final int MAX_BUFFERED_BYTES = 4 << 20;
  private static final int CHUNK = 64 << 10;
  private static final Chunk END = new Chunk(0, new byte[0]);

  private final String name;
  private final Socket from;
  private final Socket to;
  private final ProxyControl control;
  private final ProxiedConnection connection;
  private final BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
  private final Semaphore room = new Semaphore(MAX_BUFFERED_BYTES);
  private final Thread reader;
  private final Thread writer;

  private record Chunk(long dueNanos, byte[] data) {}

  DelayedPipe(
      String name, Socket from, Socket to, ProxyControl control, ProxiedConnection connection) {
    this.name = name;
    this.from = from;
    this.to = to;
    this.control = control;
    this.connection = connection;
    this.reader = daemon(this::read, name + "-read");
    this.writer = daemon(this::write, name + "-write");
  }

  void start() {
    reader.start();
    writer.start();
  }

  /** Wakes both threads after the sockets were closed; they exit on their own. */
  void interrupt() {
    reader.interrupt();
    writer.interrupt();
  }

  void join(long millis) throws InterruptedException {
    reader.join(millis);
    writer.join(millis);
  }

  private void read() {
    byte[] buffer = new byte[CHUNK];
    try {
      InputStream in = from.getInputStream(); // not closed here: that would close the socket
      int n;
      while ((n = in.read(buffer)) >= 0) {
        room.acquire(n);
        queue.put(new Chunk(System.nanoTime() + control.delayNanos(), Arrays.copyOf(buffer, n)));
      }
      queue.put(END);
    } catch (IOException | InterruptedException e) {
      connection.abort();
    }
  }

  private void write() {
    try {
      OutputStream out = to.getOutputStream();
      for (Chunk chunk = queue.take(); chunk != END; chunk = queue.take()) {
        awaitDue(chunk.dueNanos());
        control.awaitForwarding();
        out.write(chunk.data());
        room.release(chunk.data().length);
      }
      control.awaitForwarding();
      to.shutdownOutput(); // the sender closed its side: pass the FIN on, after the data
      connection.directionDone();
    } catch (IOException | InterruptedException e) {
      connection.abort();
    }
  }

  private static void awaitDue(long dueNanos) throws InterruptedException {
    for (long wait = dueNanos - System.nanoTime(); wait > 0; wait = dueNanos - System.nanoTime()) {
      LockSupport.parkNanos(wait);
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
  }

  private static Thread daemon(Runnable body, String name) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    return thread;
  }
}

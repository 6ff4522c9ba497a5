package dev.pageevents.stack;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The few Redis commands the stack itself needs (PING, CLUSTER ...), spoken in RESP over a socket,
 * so that the stack does not impose a Redis client version on the modules that use it.
 */
final class RespClient implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  RespClient(String host, int port, int timeoutMs) {
    try {
      socket = new Socket();
      socket.connect(new InetSocketAddress(host, port), timeoutMs);
      socket.setSoTimeout(timeoutMs);
      in = new BufferedInputStream(socket.getInputStream());
      out = socket.getOutputStream();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot connect to Redis at " + host + ":" + port, e);
    }
  }

  /** Sends one command; returns a String, Long, List or null; a Redis error throws. */
  Object call(String... args) {
    try {
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      request.write(("*" + args.length + "\r\n").getBytes(StandardCharsets.UTF_8));
      for (String arg : args) {
        byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
        request.write(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.UTF_8));
        request.write(bytes);
        request.write("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      out.write(request.toByteArray());
      out.flush();
      return read();
    } catch (IOException e) {
      throw new UncheckedIOException("Redis command " + args[0] + " failed", e);
    }
  }

  private Object read() throws IOException {
    int type = in.read();
    String line = readLine();
    switch (type) {
      case '+':
        return line;
      case '-':
        throw new IllegalStateException("Redis error: " + line);
      case ':':
        return Long.parseLong(line);
      case '$':
        int length = Integer.parseInt(line);
        if (length < 0) {
          return null;
        }
        byte[] bytes = in.readNBytes(length + 2);
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
      case '*':
        int count = Integer.parseInt(line);
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          items.add(read());
        }
        return items;
      default:
        throw new IOException("Unexpected RESP reply type " + type);
    }
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\r') {
      if (b < 0) {
        throw new IOException("Connection closed by Redis");
      }
      line.write(b);
    }
    in.read(); // '\n'
    return line.toString(StandardCharsets.UTF_8);
  }

  /** Whether a Redis server answers PING on host:port. */
  static boolean pings(String host, int port) {
    try (RespClient client = new RespClient(host, port, 1000)) {
      return "PONG".equals(client.call("PING"));
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing a finished connection; nothing to recover
    }
  }
}

package org.archbench.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The coordinator's side of one {@link TurnServer}: the fork's process, its socket, and its log
 * (the fork's standard output and error), which a failure quotes.
 */
final class TurnFork implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, String> params;
  private final Process process;
  private final Path log;
  private Socket socket;
  private BufferedReader in;
  private OutputStream out;

  TurnFork(Map<String, String> params, Process process, Path log) {
    this.params = Map.copyOf(params);
    this.process = process;
    this.log = log;
  }

  Map<String, String> params() {
    return params;
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Binds the fork to the connection it opened, once it said hello. */
  void connect(Socket connection, BufferedReader reader) throws IOException {
    socket = connection;
    in = reader;
    out = connection.getOutputStream();
  }

  boolean connected() {
    return socket != null;
  }

  /**
   * One turn: {@code benchmark} for {@code millis} of measurement; JMH's records of it.
   *
   * @throws IOException if the fork failed the turn or stopped, with its words and its log's end
   */
  JsonNode turn(String benchmark, long millis) throws IOException {
    return record(turnAnswer(benchmark, millis, ""), benchmark);
  }

  /**
   * One turn's answer as the fork sent it, unread, with async-profiler's {@code asyncProfiler}
   * options unless they are empty: the coordinator reads it ({@link #record}) once no fork is
   * measuring.
   */
  String turnAnswer(String benchmark, long millis, String asyncProfiler) throws IOException {
    out.write(JSON.writeValueAsBytes(asyncProfiler.isEmpty()
        ? Map.of("run", benchmark, "millis", millis)
        : Map.of("run", benchmark, "millis", millis, "asyncProfiler", asyncProfiler)));
    out.write('\n');
    out.flush();
    String line = in.readLine();
    if (line == null) {
      throw failure("stopped during a turn of " + benchmark, "");
    }
    return line;
  }

  /** The JMH record of a turn's {@code line}, or the fork's failure it tells of. */
  JsonNode record(String line, String benchmark) throws IOException {
    JsonNode answer = JSON.readTree(line);
    if (answer.has("error")) {
      throw failure("failed a turn of " + benchmark, answer.path("error").asText());
    }
    JsonNode records = answer.path("records");
    if (!records.isArray() || records.isEmpty()) {
      throw failure("answered a turn of " + benchmark + " with no JMH record", line);
    }
    return records.get(0);
  }

  /** Why the fork cannot go on: what happened, its words, and the end of its log. */
  IOException failure(String what, String words) {
    return new IOException("the benchmark fork of " + TurnServer.paramsText(params) + " " + what
        + (words.isBlank() ? "" : ":\n" + words.strip()) + "\nIts log (" + log + ") ends:\n"
        + logTail());
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  /** Asks the fork to end, and ends it if it does not within a few seconds. */
  @Override
  public void close() {
    try {
      if (out != null) {
        out.write("{\"quit\":true}\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (IOException e) {
      // A fork that already stopped needs no asking.
    }
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      if (socket != null) {
        socket.close();
      }
    } catch (IOException e) {
      // Closing is all that is left to do.
    }
  }
}

package org.archbench.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.AsyncProfiler;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * A fork that measures in turns: one JVM per configuration (architecture, engine, variant), kept
 * alive for the whole benchmark stage, that runs one JMH measurement iteration of a benchmark
 * method each time the {@code BlockCoordinator} gives it the turn, and sends the result back. Only
 * one fork measures at a time, so configurations measured back to back in a block see the same
 * machine, while each keeps its own JIT, allocator and native thread pools, as a fork of its own.
 *
 * <p>Each turn is an in-process JMH run ({@code -f 0}: this JVM is the fork) of one iteration with
 * JMH's gc profiler and archbench's memory and warm-up profilers. The model stays loaded between
 * turns ({@link LoadedModel} asks {@link #serving}), and its warm-up until steady runs on the first
 * turn of each batch size, which the coordinator runs as a setup turn and does not count.
 *
 * <p>The protocol is one JSON object per line over a loopback socket: the fork says
 * {@code {"fork": id, "token": ...}}, then answers each {@code {"run": method, "millis": n}}
 * (with {@code "asyncProfiler": options} for a turn that draws a flame graph) with
 * {@code {"records": [JMH's JSON records]}} or {@code {"error": text}}, and ends on
 * {@code {"quit": true}} or when the socket closes.
 */
public final class TurnServer {

  /** The coordinator's port on the loopback interface. */
  static final String PORT_PROPERTY = "archbench.turns.port";
  /** The fork's number, which the coordinator gave it. */
  static final String ID_PROPERTY = "archbench.turns.id";
  /** A secret the coordinator gave its forks, so that no other process takes a fork's place. */
  static final String TOKEN_PROPERTY = "archbench.turns.token";
  /** The configuration's JMH parameters: {@code arch=cnn,engine=onnxruntime,variant=fp32}. */
  static final String PARAMS_PROPERTY = "archbench.turns.params";

  private static volatile boolean serving;

  private TurnServer() {}

  /** Whether this JVM is a fork serving turns, whose model stays loaded between JMH runs. */
  static boolean serving() {
    return serving;
  }

  public static void main(String[] args) throws Exception {
    serving = true;
    Map<String, String> params = params(System.getProperty(PARAMS_PROPERTY, ""));
    ObjectMapper json = new ObjectMapper();
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(),
            Integer.getInteger(PORT_PROPERTY));
        BufferedReader in = new BufferedReader(
            new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream()) {
      ObjectNode hello = json.createObjectNode()
          .put("fork", Integer.getInteger(ID_PROPERTY))
          .put("token", System.getProperty(TOKEN_PROPERTY));
      send(out, json, hello);
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        JsonNode command = json.readTree(line);
        if (command.path("quit").asBoolean()) {
          break;
        }
        ObjectNode answer = turn(json, command.path("run").asText(),
            command.path("millis").asLong(), command.path("asyncProfiler").asText(""), params);
        // The turn's work goes on after JMH returns, and would run during the next fork's turn.
        answer.put("quietMillis", QuietWait.untilQuiet());
        send(out, json, answer);
      }
    }
    // Engines' native thread pools are not daemons everywhere.
    System.exit(0);
  }

  /** One turn's answer: JMH's records of the run, or the error that ended it. */
  private static ObjectNode turn(ObjectMapper json, String benchmark, long millis,
      String asyncProfiler, Map<String, String> params) {
    try {
      ChainedOptionsBuilder options = new OptionsBuilder()
          .include("^" + java.util.regex.Pattern.quote(benchmark) + "$")
          .forks(0)
          .warmupIterations(0)
          .measurementIterations(1)
          .measurementTime(TimeValue.milliseconds(millis))
          .shouldFailOnError(true)
          .addProfiler(GCProfiler.class)
          .addProfiler(NativeMemoryProfiler.class)
          .addProfiler(SteadyStateProfiler.class)
          .verbosity(VerboseMode.SILENT);
      params.forEach(options::param);
      if (!asyncProfiler.isEmpty()) {
        options.addProfiler(AsyncProfiler.class, asyncProfiler);
      }
      // One collection, not JMH's collect-until-stable loop (about 0.6 s a turn): the heap is
      // small and the turn short, and a collection started by the previous turn's garbage would
      // otherwise land in this one.
      System.gc();
      Collection<RunResult> results = new Runner(options.build()).run();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (PrintStream print = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
        ResultFormatFactory.getInstance(ResultFormatType.JSON, print).writeOut(results);
      }
      ObjectNode answer = json.createObjectNode();
      answer.set("records", json.readTree(bytes.toByteArray()));
      return answer;
    } catch (Exception | LinkageError e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      return json.createObjectNode().put("error", trace.toString());
    }
  }

  private static void send(OutputStream out, ObjectMapper json, JsonNode message)
      throws java.io.IOException {
    out.write(json.writeValueAsBytes(message));
    out.write('\n');
    out.flush();
  }

  /** {@code arch=cnn,engine=onnxruntime} as a map, in its order. */
  static Map<String, String> params(String text) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : text.split(",")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        params.put(pair.substring(0, equals), pair.substring(equals + 1));
      }
    }
    return params;
  }

  /** {@code params} as {@link #params(String)} reads them, by name. */
  static String paramsText(Map<String, String> params) {
    StringBuilder text = new StringBuilder();
    new java.util.TreeMap<>(params).forEach((name, value) -> text
        .append(text.length() == 0 ? "" : ",").append(name)
        .append('=').append(value));
    return text.toString();
  }

  /** How long a fork may take to say hello: JVM, JMH and engine start on a loaded machine. */
  static final long HELLO_TIMEOUT_SECONDS = TimeUnit.MINUTES.toSeconds(3);
}

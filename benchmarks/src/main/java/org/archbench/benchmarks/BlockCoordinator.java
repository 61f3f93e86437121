package org.archbench.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.archbench.harness.provenance.CpuTimes;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.io.AtomicFiles;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.jmh.BlockLog;
import org.archbench.schema.jmh.MachineStability;

/**
 * The steady-state benchmarks measured in blocks, so that configurations are compared on the same
 * machine: each configuration (architecture, engine, variant; or the GEMM's library) is one fork
 * ({@link TurnServer}), started once and kept alive; a block gives every configuration of one
 * benchmark method one turn, back to back, in an order shuffled per block, with the anchor (ONNX
 * Runtime's GEMM) taking a turn among them. Blocks repeat, each benchmark in turn. A host whose
 * speed drifts by tens of percent over minutes moves little within a block of seconds, and what
 * it moves in common cancels in the per-block ratios that comparisons are drawn from (randomized
 * multiple interleaved trials, Abedi and Brecht 2017).
 *
 * <p>The run: every fork starts and says hello; each runs a setup turn per benchmark (its model's
 * load and warm-up until steady); settling blocks, not counted, let every fork's JIT finish; the
 * pilot blocks give every configuration its turn; further blocks go only to configurations that a
 * comparison not yet decided still needs ({@code stillOpen}), while the preset's budget lasts.
 * A block during which the hypervisor took more than {@link #STEAL_LIMIT} of the machine is not
 * counted and runs again. Only one fork measures at any time; the others wait on their sockets.
 */
final class BlockCoordinator {

  /** The benchmark of one request, whose turns are long enough for its percentiles. */
  private static final String BATCH_ONE_LATENCY = LatencyBenchmark.class.getName() + ".batch001";
  private static final String GEMM = PeakGemmBenchmark.class.getName() + ".matmul";

  /** The shuffles' seed unless a run asks for another: the orders are recorded either way. */
  static final long DEFAULT_SEED = 1;

  /** The anchor: ONNX Runtime's MLAS GEMM, the same kernel in every block. */
  static final Map<String, String> ANCHOR = Map.of("library", "onnxruntime", "n", "1024");
  /** A block in which steal took more than this share of the machine is run again. */
  static final double STEAL_LIMIT = 0.10;
  /** The fewest latency samples a turn should hold, so that its p99 is more than its maximum. */
  static final long LATENCY_SAMPLES_PER_TURN = 300;
  /** The longest turn, however slow the configuration. */
  static final long LONGEST_TURN_MILLIS = 3_000;
  /** A setup turn's measurement: only the warm-up before it matters. */
  private static final long SETUP_TURN_MILLIS = 100;
  /** How many blocks in a row may be taken by steal before the stage gives up repeating. */
  private static final int MOST_STOLEN_BLOCKS = 5;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final OutputLayout layout;
  private final JmhPreset budget;
  private final List<String> jvmArgs;
  private final PrintStream console;
  /** Which configurations of a benchmark still need blocks, given what the blocks so far show. */
  private final Allocation stillOpen;
  private final long seed;
  /** async-profiler's options, for the last settling block's turns (which count for nothing). */
  private final Optional<String> flameGraphs;

  private final BlockSeries series = new BlockSeries();
  private final List<JsonNode> counted = new ArrayList<>();
  private final List<BlockLog.Block> log = new ArrayList<>();
  private final List<MachineStability.Calibration> calibrations = new ArrayList<>();
  private final List<MachineStability.RoundLoad> loads = new ArrayList<>();
  /** Per latency configuration, its turn's measurement time. */
  private final Map<Map<String, String>, Long> latencyTurnMillis = new LinkedHashMap<>();
  private long plannedTurns;
  private int forkCount;
  /** Per benchmark, how many configurations its last counted block ran. */
  private final Map<String, Integer> lastBlockSize = new LinkedHashMap<>();
  private long turns;

  /**
   * @param jvmArgs the forks' JVM options: the stage's, as for a JMH fork
   * @param stillOpen the configurations of a benchmark that a comparison not yet decided needs
   */
  BlockCoordinator(OutputLayout layout, JmhPreset budget, List<String> jvmArgs, long seed,
      Allocation stillOpen, Optional<String> flameGraphs, PrintStream console) {
    this.flameGraphs = flameGraphs;
    this.layout = layout;
    this.budget = budget;
    this.jvmArgs = List.copyOf(jvmArgs);
    this.seed = seed;
    this.stillOpen = stillOpen;
    this.console = console;
  }

  /** Decides which configurations of a benchmark the next block needs. */
  interface Allocation {
    /**
     * The configurations of {@code benchmark} that a comparison not yet decided needs and that
     * {@code blocksLeft} more blocks could decide, given the counted blocks of {@code series}.
     */
    Set<Map<String, String>> stillOpen(String benchmark, BlockSeries series, int blocksLeft);
  }

  /** What the blocks measured: the merged records of the counted turns, and their series. */
  record Outcome(Path steadyState, BlockSeries series) {}

  Outcome run(BenchmarkPlan plan) throws IOException {
    Map<String, List<Map<String, String>>> members = membersByBenchmark(plan);
    List<Map<String, String>> forkParams = new ArrayList<>();
    members.values().forEach(list -> list.forEach(params -> {
      if (!forkParams.contains(params)) {
        forkParams.add(params);
      }
    }));
    if (!forkParams.contains(ANCHOR)) {
      forkParams.add(ANCHOR);
    }
    plannedTurns = members.values().stream().mapToLong(List::size).sum()
        * (1 + budget.settlingBlocks() + budget.pilotBlocks())
        + (long) members.size() * (budget.settlingBlocks() + budget.pilotBlocks());
    forkCount = forkParams.size();
    AtomicFiles.createDirectories(layout.jmhForkLogs());
    Random random = new Random(seed);
    Map<Map<String, String>, TurnFork> forks = new LinkedHashMap<>();
    try {
      start(forkParams, forks);
      writeLog();
      setup(members, forks);
      for (int i = 0; i < budget.settlingBlocks(); i++) {
        String profiler = i == budget.settlingBlocks() - 1 ? flameGraphs.orElse("") : "";
        for (String benchmark : shuffled(members.keySet(), random)) {
          block(benchmark, members.get(benchmark), forks, random, false, "settling", profiler);
        }
      }
      long start = System.nanoTime();
      for (int round = 1; round <= budget.pilotBlocks(); round++) {
        for (String benchmark : shuffled(members.keySet(), random)) {
          runCounted(benchmark, members.get(benchmark), forks, random);
          lastBlockSize.put(benchmark, members.get(benchmark).size());
        }
      }
      while (allocatedRound(start, members, forks, random)) {
        // Each round gives every benchmark about the same time: a benchmark whose open
        // comparisons are few runs its small blocks several times over.
      }
    } finally {
      forks.values().forEach(TurnFork::close);
    }
    writeLog();
    JsonFiles.write(layout.jmhStability(), new MachineStability(calibrations,
        MachineStability.driftOf(calibrations), loads, Instant.now().toString()));
    Path steadyState = layout.jmhPart("steady-state");
    AtomicFiles.write(steadyState, JSON.writeValueAsBytes(ForkMerge.merge(counted)));
    return new Outcome(steadyState, series);
  }

  /** A counted block, run again while the hypervisor takes too much of it. */
  private void runCounted(String benchmark, List<Map<String, String>> taking,
      Map<Map<String, String>, TurnFork> forks, Random random) throws IOException {
    for (int stolen = 0; ; stolen++) {
      boolean counts = stolen >= MOST_STOLEN_BLOCKS;
      if (block(benchmark, taking, forks, random, true, counts ? "" : null, "")) {
        return;
      }
    }
  }

  /**
   * One block of {@code benchmark}: each of {@code taking} once and the anchor once, in a shuffled
   * order. Counted unless {@code count} is false or steal took more than its limit (then false is
   * returned); {@code why} says why it does not count, null to decide by steal. Its turns (not the
   * anchor's) run under async-profiler with {@code profiler}'s options unless they are empty.
   */
  private boolean block(String benchmark, List<Map<String, String>> taking,
      Map<Map<String, String>, TurnFork> forks, Random random, boolean count, String why,
      String profiler) throws IOException {
    List<Map<String, String>> order = new ArrayList<>(taking);
    if (!order.contains(ANCHOR)) {
      order.add(ANCHOR);
    }
    Collections.shuffle(order, random);
    // What reading the last block left this JVM to do (the JIT compiling the statistics, a
    // collection) would otherwise run during this block's first turn.
    try {
      QuietWait.untilQuiet();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted before block " + (log.size() + 1));
    }
    List<Long> pids = forks.values().stream().map(TurnFork::pid).toList();
    Optional<CpuTimes> before = CpuTimes.now(pids);
    long started = System.nanoTime();
    // Between turns the coordinator only passes the turn on: the answers are kept as text and
    // read after the block, so that no parsing of ours runs during a fork's measurement.
    Map<Map<String, String>, String> answers = new LinkedHashMap<>();
    for (Map<String, String> params : order) {
      boolean anchor = params.equals(ANCHOR) && !taking.contains(ANCHOR);
      String method = anchor ? GEMM : benchmark;
      answers.put(anchor ? null : params, forks.get(params).turnAnswer(method,
          turnMillis(method, params), anchor ? "" : profiler));
      turns++;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    Optional<CpuTimes> after = CpuTimes.now(pids);
    Map<Map<String, String>, JsonNode> records = new LinkedHashMap<>();
    for (Map.Entry<Map<String, String>, String> answer : answers.entrySet()) {
      Map<String, String> params = answer.getKey() == null ? ANCHOR : answer.getKey();
      records.put(answer.getKey(), forks.get(params).record(answer.getValue(), benchmark));
    }
    Double steal = before.isPresent() && after.isPresent()
        ? finite(before.get().stealShareUntil(after.get())) : null;
    Double others = before.isPresent() && after.isPresent()
        ? finite(before.get().otherShareUntil(after.get())) : null;
    boolean counts = count && (why != null || steal == null || steal <= STEAL_LIMIT);
    String reason = counts ? null : !count || (why != null && !why.isEmpty()) ? why
        : String.format(Locale.ROOT, "steal took %.0f%% of the machine (limit %.0f%%)",
            100 * steal, 100 * STEAL_LIMIT);
    JsonNode anchorRecord = records.containsKey(null) ? records.get(null) : records.get(ANCHOR);
    Double gflops = anchorRecord == null ? null
        : finite(TurnValues.of(anchorRecord).figures().getOrDefault("flop", Double.NaN) / 1e9);
    int number = log.size() + 1;
    log.add(new BlockLog.Block(number, benchmark, order.stream().map(TurnServer::paramsText)
        .toList(), seconds, counts, reason, steal, others, gflops));
    if (gflops != null) {
      calibrations.add(new MachineStability.Calibration("block " + number, gflops));
    }
    loads.add(new MachineStability.RoundLoad(number, seconds, others, steal));
    if (counts) {
      int index = series.openBlock(benchmark);
      if (gflops != null) {
        series.anchor(benchmark, index, gflops);
      }
      records.forEach((params, record) -> {
        if (params != null) {
          series.add(benchmark, index, params, TurnValues.of(record));
          ObjectNode fork = record.deepCopy();
          // JMH writes 0 forks for an in-process run; each turn is one replicate.
          fork.put("forks", 1);
          counted.add(fork);
        }
      });
    }
    console.printf(Locale.ROOT, "block %d, %s: %d configurations, %.1f s%s%n", number,
        shortName(benchmark), taking.size(), seconds, counts ? "" : " (not counted: " + reason
            + ")");
    writeLog();
    return counts || !count;
  }

  /** A turn's measurement time: the preset's, or long enough for a slow request's percentiles. */
  private long turnMillis(String benchmark, Map<String, String> params) {
    long base = budget.turnTime().toMillis();
    return benchmark.equals(BATCH_ONE_LATENCY)
        ? latencyTurnMillis.getOrDefault(params, base) : base;
  }

  private void setup(Map<String, List<Map<String, String>>> members,
      Map<Map<String, String>, TurnFork> forks) throws IOException {
    for (Map.Entry<String, List<Map<String, String>>> benchmark : members.entrySet()) {
      for (Map<String, String> params : benchmark.getValue()) {
        console.printf(Locale.ROOT, "setting up %s %s%n", shortName(benchmark.getKey()),
            TurnServer.paramsText(params));
        JsonNode record = forks.get(params).turn(benchmark.getKey(), SETUP_TURN_MILLIS);
        turns++;
        if (benchmark.getKey().equals(BATCH_ONE_LATENCY)) {
          double micros = TurnValues.of(record).figures().get("mean");
          long needed = (long) Math.ceil(LATENCY_SAMPLES_PER_TURN * micros / 1000);
          latencyTurnMillis.put(params, Math.min(LONGEST_TURN_MILLIS,
              Math.max(budget.turnTime().toMillis(), needed)));
        }
      }
      writeLog();
    }
    if (!members.containsKey(GEMM)) {
      forks.get(ANCHOR).turn(GEMM, SETUP_TURN_MILLIS);
    }
  }

  /** Starts a fork per configuration and waits until each said hello with the token. */
  private void start(List<Map<String, String>> forkParams,
      Map<Map<String, String>, TurnFork> forks) throws IOException {
    String token = UUID.randomUUID().toString();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    try (ServerSocket server = new ServerSocket(0, forkParams.size(),
        InetAddress.getLoopbackAddress())) {
      List<TurnFork> byId = new ArrayList<>();
      for (Map<String, String> params : forkParams) {
        int id = byId.size();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmArgs);
        command.addAll(List.of("-Djmh.ignoreLock=true",
            "-D" + TurnServer.PORT_PROPERTY + "=" + server.getLocalPort(),
            "-D" + TurnServer.ID_PROPERTY + "=" + id,
            "-D" + TurnServer.TOKEN_PROPERTY + "=" + token,
            "-D" + TurnServer.PARAMS_PROPERTY + "=" + TurnServer.paramsText(params),
            "-cp", System.getProperty("java.class.path"), TurnServer.class.getName()));
        Path logFile = layout.jmhForkLogs().resolve(id + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(logFile.toFile()).start();
        TurnFork fork = new TurnFork(params, process, logFile);
        byId.add(fork);
        forks.put(params, fork);
      }
      console.printf(Locale.ROOT, "started %d forks, one per configuration%n", byId.size());
      long deadline =
          System.nanoTime() + TimeUnit.SECONDS.toNanos(TurnServer.HELLO_TIMEOUT_SECONDS);
      int connected = 0;
      while (connected < byId.size()) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        for (TurnFork fork : byId) {
          if (!fork.connected() && !fork.alive()) {
            throw fork.failure("stopped before it could measure", "");
          }
        }
        if (left <= 0) {
          TurnFork late = byId.stream().filter(f -> !f.connected()).findFirst().orElseThrow();
          throw late.failure("did not start within " + TurnServer.HELLO_TIMEOUT_SECONDS + " s",
              "");
        }
        server.setSoTimeout((int) Math.min(left, 1000));
        Socket socket;
        try {
          socket = server.accept();
        } catch (SocketTimeoutException e) {
          continue;
        }
        // Whatever connected has a few seconds to say who it is; turns then wait as long as
        // they take.
        socket.setSoTimeout(10_000);
        BufferedReader reader = new BufferedReader(
            new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        JsonNode hello;
        try {
          hello = JSON.readTree(reader.readLine());
        } catch (IOException | RuntimeException e) {
          socket.close();
          continue;
        }
        socket.setSoTimeout(0);
        int id = hello.path("fork").asInt(-1);
        if (!token.equals(hello.path("token").asText()) || id < 0 || id >= byId.size()
            || byId.get(id).connected()) {
          socket.close();
          continue;
        }
        byId.get(id).connect(socket, reader);
        connected++;
      }
    }
  }

  /**
   * One round after the pilot: each benchmark's blocks of only the configurations its open
   * comparisons need, as many of them as fit the time of the round's longest block (so that a
   * benchmark with two configurations left is not held to one block per round of another's
   * thirty). False once no benchmark has anything left to decide, or the budget is spent.
   */
  private boolean allocatedRound(long start, Map<String, List<Map<String, String>>> members,
      Map<Map<String, String>, TurnFork> forks, Random random) throws IOException {
    Map<String, Double> blockSeconds = new LinkedHashMap<>();
    for (Map.Entry<String, List<Map<String, String>>> benchmark : members.entrySet()) {
      // A benchmark's next block is about as large as its last: the open set only shrinks.
      int size = lastBlockSize.getOrDefault(benchmark.getKey(), benchmark.getValue().size());
      blockSeconds.put(benchmark.getKey(), secondsPerTurn(benchmark.getKey()) * (size + 1));
    }
    double longest = blockSeconds.values().stream().mapToDouble(Double::doubleValue).max()
        .orElse(0);
    Map<String, Integer> repeats = new LinkedHashMap<>();
    double round = 0;
    for (Map.Entry<String, Double> benchmark : blockSeconds.entrySet()) {
      int times = benchmark.getValue() <= 0 ? 1
          : (int) Math.max(1, Math.floor(longest / benchmark.getValue()));
      repeats.put(benchmark.getKey(), times);
      round += times * benchmark.getValue();
    }
    double left = secondsLeft(start);
    int roundsLeft = round <= 0 ? 0 : (int) Math.floor(left / round);
    boolean ran = false;
    for (String benchmark : shuffled(members.keySet(), random)) {
      int times = repeats.get(benchmark);
      for (int i = 0; i < times; i++) {
        int blocksLeft = Math.min(Math.max(1, roundsLeft * times - i),
            budget.maximumBlocks() - series.blocks(benchmark));
        if (blocksLeft <= 0) {
          break;
        }
        Set<Map<String, String>> open = stillOpen.stillOpen(benchmark, series, blocksLeft);
        List<Map<String, String>> taking =
            members.get(benchmark).stream().filter(open::contains).toList();
        if (taking.isEmpty() || !withinBudget(start, benchmark, taking.size())) {
          break;
        }
        runCounted(benchmark, taking, forks, random);
        lastBlockSize.put(benchmark, taking.size());
        ran = true;
      }
    }
    return ran;
  }

  private double secondsPerTurn(String benchmark) {
    return log.stream().filter(b -> b.benchmark().equals(benchmark))
        .mapToDouble(b -> b.seconds() / b.order().size()).average().orElse(0);
  }

  /** Whether another block of {@code size} configurations of {@code benchmark} fits the budget. */
  private boolean withinBudget(long start, String benchmark, int size) {
    return secondsPerTurn(benchmark) * (size + 1) <= secondsLeft(start);
  }

  /** The budget's seconds left, counted from {@code start} (System.nanoTime). */
  private double secondsLeft(long start) {
    return budget.budget().toMillis() / 1000.0 - (System.nanoTime() - start) / 1e9;
  }

  /** Per benchmark method, the configurations it runs, in the plan's order. */
  private static Map<String, List<Map<String, String>>> membersByBenchmark(BenchmarkPlan plan) {
    Map<String, List<Map<String, String>>> members = new LinkedHashMap<>();
    for (BenchmarkPlan.Configuration configuration : plan.configurations()) {
      members.computeIfAbsent(configuration.benchmark(), b -> new ArrayList<>())
          .add(Map.copyOf(configuration.params()));
    }
    return members;
  }

  private static <T> List<T> shuffled(java.util.Collection<T> items, Random random) {
    List<T> order = new ArrayList<>(items);
    Collections.shuffle(order, random);
    return order;
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }

  private static String shortName(String benchmark) {
    return benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
  }

  /** jmh/blocks.json as it stands. */
  private void writeLog() throws IOException {
    JsonFiles.write(layout.jmhBlocks(), new BlockLog(seed, budget.turnTime().toMillis(),
        forkCount, plannedTurns, turns, log));
  }
}

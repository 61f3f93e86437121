package org.archbench.schema;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Where every file of a run goes, under the output directory ({@code target/bench} by default).
 * Every writer and every reader takes its paths from here, so the layout is defined once:
 *
 * <pre>
 * run.json                                  provenance, and the wall time of every stage
 * models/&lt;arch&gt;/                            DJL parameters, params.json, arch.json, key.json,
 *                                           &lt;arch&gt;.onnx, &lt;arch&gt;.int8.onnx
 * checkpoints/&lt;arch&gt;/                       one directory per finished epoch while training runs
 * training/&lt;arch&gt;.json                      the training history and final accuracies
 * eval/&lt;arch&gt;.json                          every engine's and variant's test-set results
 * eval/&lt;stem&gt;.&lt;engine&gt;.predictions.csv     one row per test image; the stem is the
 *                                           variant's (cnn, cnn.int8)
 * stats.json                                McNemar between architectures, spread over seeds
 * robustness/&lt;stem&gt;.json                    accuracy under every corruption, CE and mCE, per
 *                                           model (the stem as for predictions)
 * robustness/sets[-N]/                      the corrupted test sets
 * robustness/contact-sheet.png              one test image under every corruption
 * imbalance/&lt;arch&gt;.json                     the long-tail study
 * imbalance/runs/&lt;setting&gt;/                 each long-tail setting's own run
 * transfer/&lt;arch&gt;.json                      the transfer-learning study
 * transfer/runs/&lt;arch&gt;/&lt;model&gt;/             the pretrained base's and each regime's own run
 * loss/&lt;arch&gt;.json                          cross-entropy against mean squared error
 * loss/runs/&lt;loss&gt;/                         the other loss's own run
 * seeds/seed-&lt;n&gt;/                           each further seed's own run
 * datasets/&lt;dataset&gt;/                       the run of another dataset than the default one
 * jmh/results.json                          JMH's JSON, every part merged
 * jmh/figures.json                          every cost figure with its interval and verdict
 * jmh/&lt;part&gt;.json                           one JMH run's JSON
 * jmh/forks/, jmh/blocks.json               each steady-state fork's log; the blocks, their order and load
 * jmh/stability.json                        the machine's drift (the anchor in every block) and load
 * jmh/not-supported.json                    the models an engine lacks an operator for
 * jmh/models.json                           the model file each configuration loaded, hashed
 * jmh/inputs-idx3-ubyte.gz                  the images every benchmark fork reads
 * profiles/&lt;benchmark&gt;/                     async-profiler flame graphs
 * report/index.html, report/tables/         the report and its downloads
 * comparison/                               the comparison of runs, when this run is the first
 * pipeline/                                 the pipeline's measured training speed per lane
 * .archbench.lock, .run.json.lock           the output lock; run.json's while a stage records
 * </pre>
 *
 * <p>An output directory holds nothing else: {@link #isEntry} tells archbench's entries from
 * others, so that a directory holding a user's files is never taken for a run.
 *
 * @param root the output directory
 */
public record OutputLayout(Path root) {

  /** The DJL parameters' file is {@code <arch>-NNNN.params}; the spec and key sit beside it. */
  public static final String SPEC_FILE = "arch.json";

  /** What a trained model depends on: a model whose key matches a request is reused. */
  public static final String KEY_FILE = "key.json";

  /** Which parameter file training saved, its hash and its key: see {@code ParamsProvenance}. */
  public static final String PARAMS_PROVENANCE_FILE = "params.json";

  /** The report's entry page, under {@link #report()}. */
  public static final String REPORT_PAGE = "index.html";

  /** The report's CSV and JSON downloads, under {@link #report()}. */
  public static final String REPORT_TABLES = "tables";

  /** The output lock, held by the one process writing into the directory. */
  public static final String LOCK_FILE = ".archbench.lock";

  private static final String RUN_MANIFEST = "run.json";

  private static final String DAMAGED_SUFFIX = ".damaged-";

  private static final Set<String> ENTRIES = Set.of(RUN_MANIFEST, "." + RUN_MANIFEST + ".lock",
      LOCK_FILE, "stats.json", "models", "checkpoints", "training", "eval", "robustness",
      "imbalance", "transfer", "loss", "seeds", "datasets", "jmh", "profiles", "report",
      "comparison", "pipeline");

  /**
   * Whether {@code name}, an entry directly in an output directory, is one of this layout's (a
   * file or directory archbench writes there), as opposed to a file of the user's.
   */
  public static boolean isEntry(String name) {
    return ENTRIES.contains(name) || name.startsWith(RUN_MANIFEST + DAMAGED_SUFFIX);
  }

  /** Every directory this layout puts directly in the output directory, whether it exists or not. */
  public List<Path> directories() {
    return List.of(models(), root.resolve("checkpoints"), trainingReports(),
        evaluations(), robustnessReports(), imbalanceReports(), transferReports(), lossReports(),
        root.resolve("seeds"), root.resolve("datasets"), jmh(), profiles(), report(), comparison(),
        pipeline());
  }

  /**
   * {@code file}, a file of this run, as results name it: relative to the output directory, with
   * {@code /} between names ({@code models/cnn/cnn.onnx}, {@code eval/cnn.onnxruntime.predictions.csv}).
   */
  public String name(Path file) {
    Path relative = root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
    return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
  }

  /** run.json. */
  public Path runManifest() {
    return root.resolve(RUN_MANIFEST);
  }

  /** .run.json.lock: held while a stage reads, changes and writes run.json. */
  public Path runManifestLock() {
    return root.resolve("." + RUN_MANIFEST + ".lock");
  }

  /** run.json.damaged-&lt;stamp&gt;: a run.json that did not read, kept aside. */
  public Path damagedRunManifest(String stamp) {
    return root.resolve(RUN_MANIFEST + DAMAGED_SUFFIX + stamp);
  }

  /** .archbench.lock: the output lock. */
  public Path lock() {
    return root.resolve(LOCK_FILE);
  }

  /** models/: one directory per architecture. */
  public Path models() {
    return root.resolve("models");
  }

  /** models/&lt;arch&gt;/: the DJL parameters, arch.json and key.json. */
  public Path modelDirectory(String arch) {
    return models().resolve(arch);
  }

  /** training/: one file per architecture. */
  public Path trainingReports() {
    return root.resolve("training");
  }

  /** training/&lt;arch&gt;.json. */
  public Path trainingReport(String arch) {
    return trainingReports().resolve(arch + ".json");
  }

  /** eval/: one file per architecture, and the predictions. */
  public Path evaluations() {
    return root.resolve("eval");
  }

  /** eval/&lt;arch&gt;.json: accuracy, calibration and confusion per engine. */
  public Path evaluation(String arch) {
    return evaluations().resolve(arch + ".json");
  }

  /**
   * eval/&lt;stem&gt;.&lt;engine&gt;.predictions.csv: one row per test image, {@code stem} the model
   * variant's (the architecture for float32, {@code cnn.int8} for int8).
   */
  public Path predictions(String stem, String engine) {
    return evaluations().resolve(stem + "." + engine + ".predictions.csv");
  }

  /** stats.json: the significance of the differences between architectures. */
  public Path statistics() {
    return root.resolve("stats.json");
  }

  /** checkpoints/&lt;arch&gt;/: one directory per finished epoch while training runs. */
  public Path checkpoints(String arch) {
    return root.resolve("checkpoints").resolve(arch);
  }

  /** robustness/: one file per architecture, the corrupted sets and the contact sheet. */
  public Path robustnessReports() {
    return root.resolve("robustness");
  }

  /**
   * robustness/&lt;stem&gt;.json: {@code stem} the model's, {@code cnn} for the float32 model and
   * {@code cnn.int8} for its int8 one ({@link ModelVariantIds#stem}).
   */
  public Path robustness(String stem) {
    return robustnessReports().resolve(stem + ".json");
  }

  /**
   * The corrupted test sets: robustness/sets/ for the whole test set, robustness/sets-N/ for its
   * first N images, so a short run never leaves sets a full one would take for its own.
   */
  public Path corruptedSets(int images, boolean wholeTestSet) {
    return robustnessReports().resolve(wholeTestSet ? "sets" : "sets-" + images);
  }

  /** robustness/contact-sheet.png. */
  public Path contactSheet() {
    return robustnessReports().resolve("contact-sheet.png");
  }

  /** imbalance/: one file per architecture, and the runs. */
  public Path imbalanceReports() {
    return root.resolve("imbalance");
  }

  /** imbalance/&lt;arch&gt;.json: the long-tail study of one architecture. */
  public Path imbalance(String arch) {
    return imbalanceReports().resolve(arch + ".json");
  }

  /**
   * imbalance/runs/&lt;profile&gt;-&lt;mitigation&gt;/: the models, training reports and checkpoints of
   * one long-tail setting, laid out as a run of their own.
   */
  public OutputLayout imbalanceRun(String longTailId) {
    return new OutputLayout(imbalanceReports().resolve("runs").resolve(longTailId));
  }

  /** transfer/: one file per architecture studied, and the runs. */
  public Path transferReports() {
    return root.resolve("transfer");
  }

  /** transfer/&lt;arch&gt;.json: the transfer-learning study of one architecture. */
  public Path transfer(String arch) {
    return transferReports().resolve(arch + ".json");
  }

  /**
   * transfer/runs/&lt;arch&gt;/&lt;model&gt;/: the model, training report and checkpoints of the
   * pretrained base ({@code source}) or of one regime at one label budget, laid out as a run of
   * their own.
   */
  public OutputLayout transferRun(String arch, String model) {
    return new OutputLayout(transferReports().resolve("runs").resolve(arch).resolve(model));
  }

  /** loss/: one file per architecture studied, and the runs. */
  public Path lossReports() {
    return root.resolve("loss");
  }

  /** loss/&lt;arch&gt;.json: cross-entropy against mean squared error for one architecture. */
  public Path loss(String arch) {
    return lossReports().resolve(arch + ".json");
  }

  /** loss/runs/&lt;loss&gt;/: the models trained with another loss, laid out as a run of their own. */
  public OutputLayout lossRun(String lossId) {
    return new OutputLayout(lossReports().resolve("runs").resolve(lossId));
  }

  /**
   * seeds/seed-&lt;n&gt;/: the models, training reports and evaluations of one more seed (-Dbench.seeds),
   * laid out as a run of their own; the first seed's are the run's own.
   */
  public OutputLayout seedRun(long seed) {
    return new OutputLayout(root.resolve("seeds").resolve("seed-" + seed));
  }

  /**
   * datasets/&lt;dataset&gt;/: the whole run of another dataset, laid out as a run of its own, so that
   * one output directory holds several datasets side by side; the default dataset's run is the
   * output directory itself.
   */
  public OutputLayout dataset(String datasetId) {
    return new OutputLayout(root.resolve("datasets").resolve(datasetId));
  }

  /** jmh/: JMH's JSON and the benchmark inputs. */
  public Path jmh() {
    return root.resolve("jmh");
  }

  /** jmh/results.json: every part's records, merged. */
  public Path jmhResults() {
    return jmh().resolve("results.json");
  }

  /** jmh/&lt;part&gt;.json: one JMH run's records, e.g. {@code steady-state}. */
  public Path jmhPart(String part) {
    return jmh().resolve(part + ".json");
  }

  /** jmh/figures.json: every cost figure of the results with its interval and verdict. */
  public Path jmhFigures() {
    return jmh().resolve("figures.json");
  }

  /** jmh/forks/: each steady-state fork's log, &lt;n&gt;.log, which its failure quotes. */
  public Path jmhForkLogs() {
    return jmh().resolve("forks");
  }

  /** jmh/blocks.json: the blocks run, each one's order, load and anchor ({@code BlockLog}). */
  public Path jmhBlocks() {
    return jmh().resolve("blocks.json");
  }

  /** jmh/stability.json: the calibrations' drift and the other processes' load per round. */
  public Path jmhStability() {
    return jmh().resolve("stability.json");
  }

  /** jmh/not-supported.json: the engine and model pairs left out, each with the operator. */
  public Path jmhNotSupported() {
    return jmh().resolve("not-supported.json");
  }

  /** jmh/models.json: the model file each benchmarked configuration loaded, with its hash. */
  public Path jmhModels() {
    return jmh().resolve("models.json");
  }

  /** jmh/inputs-idx3-ubyte.gz: the test images every benchmark fork reads. */
  public Path benchmarkInputs() {
    return jmh().resolve("inputs-idx3-ubyte.gz");
  }

  /** profiles/: one directory of flame graphs per benchmark. */
  public Path profiles() {
    return root.resolve("profiles");
  }

  /** report/: the report's page, its tables and its copies of figures. */
  public Path report() {
    return root.resolve("report");
  }

  /** comparison/: where {@code report --runs} puts its page when this run is the first. */
  public Path comparison() {
    return root.resolve("comparison");
  }

  /** pipeline/: the pipeline's own records, such as each lane's measured training speed. */
  public Path pipeline() {
    return root.resolve("pipeline");
  }
}

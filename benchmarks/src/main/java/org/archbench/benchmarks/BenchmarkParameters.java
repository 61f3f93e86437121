package org.archbench.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.archbench.harness.engine.Engines;
import org.archbench.harness.model.ModelVariants;
import org.archbench.models.spec.Architectures;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * The JMH parameter space, from the registries: every registered engine, architecture and model
 * variant. The benchmark classes give these {@code @Param}s only a placeholder, so both the launcher
 * ({@code archbench bench}) and a plain {@code java -jar benchmarks.jar} run take them from here, and
 * a new engine, architecture or variant reaches every benchmark by registering alone.
 */
public final class BenchmarkParameters {

  /**
   * The placeholder value of those {@code @Param}s (JMH wants one at compile time); both entry
   * points replace it with the registered ids, and a fork given it stops with a message.
   */
  public static final String REGISTERED = "registered";

  /** The {@code @Param} names the registries fill. */
  public static final String ENGINE = "engine";
  public static final String ARCH = "arch";
  public static final String VARIANT = "variant";

  private BenchmarkParameters() {}

  /** Every registered id per parameter, in registration order. */
  public static Map<String, List<String>> defaults() {
    Map<String, List<String>> defaults = new LinkedHashMap<>();
    defaults.put(ENGINE, Engines.ids());
    defaults.put(ARCH, Architectures.ids());
    defaults.put(VARIANT, ModelVariants.ids());
    return defaults;
  }

  /** Refuses the placeholder: the run did not come through an entry point that fills it in. */
  static String require(String name, String value) {
    if (REGISTERED.equals(value)) {
      throw new IllegalArgumentException("-p " + name + ": expected registered ids, found the"
          + " placeholder '" + REGISTERED + "'. Run through archbench bench or java -jar"
          + " benchmarks.jar, which fill it in, or give -p " + name + "=...");
    }
    return value;
  }

  /** Gives {@code options} every parameter that {@code given} does not set, from the registries. */
  static ChainedOptionsBuilder fillIn(ChainedOptionsBuilder options, CommandLineOptions given) {
    defaults().forEach((name, ids) -> {
      if (!given.getParameter(name).hasValue()) {
        options.param(name, ids.toArray(String[]::new));
      }
    });
    return options;
  }
}

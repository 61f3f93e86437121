package org.archbench.schema.jmh;

import java.util.List;
import java.util.Map;
import org.archbench.schema.ModelVariantIds;

/**
 * The JMH parameters that name a benchmarked configuration, as figures.json keeps them: the
 * engine, the architecture, the model variant and, for the one-thread benchmarks, the threads.
 */
public final class ConfigurationParams {

  public static final String ENGINE = "engine";
  public static final String ARCH = "arch";
  /** The model variant; a result that names none is of the float32 model. */
  public static final String VARIANT = "variant";
  public static final String THREADS = "threads";

  /** The parameters of one model variant on one engine. */
  static final List<String> CONFIGURATION = List.of(ARCH, ENGINE, VARIANT);

  private ConfigurationParams() {}

  /** The parameters of {@code variant} of {@code arch} on {@code engine}. */
  public static Map<String, String> of(String engine, String arch, String variant) {
    return Map.of(ENGINE, engine, ARCH, arch, VARIANT, variant);
  }

  /** The parameters of the float32 model of {@code arch} on {@code engine}. */
  public static Map<String, String> float32(String engine, String arch) {
    return of(engine, arch, ModelVariantIds.FLOAT32);
  }

  /** The parameters of the one-thread run of the float32 model of {@code arch} on {@code engine}. */
  public static Map<String, String> float32OnOneThread(String engine, String arch) {
    return Map.of(ENGINE, engine, ARCH, arch, VARIANT, ModelVariantIds.FLOAT32, THREADS, "1");
  }

  /**
   * The value of {@code name} in {@code params}: "" where they lack it, but float32 for a variant
   * where they name none (results written before benchmarks had variants).
   */
  public static String param(Map<String, String> params, String name) {
    String value = params.get(name);
    if (value == null) {
      return name.equals(VARIANT) ? ModelVariantIds.FLOAT32 : "";
    }
    return value;
  }

  /** {@code params} as a configuration: its engine, architecture and variant, float32 if none. */
  public static Map<String, String> configuration(Map<String, String> params) {
    return of(param(params, ENGINE), param(params, ARCH), param(params, VARIANT));
  }
}

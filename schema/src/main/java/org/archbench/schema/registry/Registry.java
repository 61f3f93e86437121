package org.archbench.schema.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Things known by an id (engines, architectures, datasets, corruptions, presets, ...): look one up,
 * or list them. An unknown id is refused with the known ones named, so a mistyped option says what
 * it could have been. Ids are matched ignoring case.
 *
 * @param <T> what is registered
 */
public final class Registry<T> {

  private final String noun;
  private final Map<String, T> byId;

  private Registry(String noun, Map<String, T> byId) {
    this.noun = noun;
    this.byId = byId;
  }

  /**
   * The registry of {@code entries}, in their order.
   *
   * @param noun what an entry is, for messages: "engine", "architecture"
   * @throws IllegalArgumentException if two entries share an id
   */
  public static <T> Registry<T> of(String noun, Collection<? extends T> entries,
      Function<? super T, String> id) {
    Map<String, T> byId = new LinkedHashMap<>();
    for (T entry : entries) {
      T earlier = byId.putIfAbsent(id.apply(entry).toLowerCase(Locale.ROOT), entry);
      if (earlier != null) {
        throw new IllegalArgumentException("expected one " + noun + " per id, found two with id '"
            + id.apply(entry) + "': " + earlier + " and " + entry);
      }
    }
    return new Registry<>(noun, byId);
  }

  /**
   * {@code builtIn} first, then every implementation of {@code service} registered with
   * {@link ServiceLoader} (a META-INF/services file) on the thread's class loader: how another
   * module, a plugin jar or a test adds an entry without editing a list here.
   */
  public static <T, S> Registry<T> withServices(String noun, List<? extends T> builtIn,
      Class<S> service, Function<? super S, ? extends Collection<? extends T>> entriesOf,
      Function<? super T, String> id) {
    List<T> entries = new ArrayList<>(builtIn);
    for (S provider : ServiceLoader.load(service, Thread.currentThread().getContextClassLoader())) {
      entries.addAll(entriesOf.apply(provider));
    }
    return of(noun, entries, id);
  }

  /** Every entry, in registration order. */
  public List<T> all() {
    return List.copyOf(byId.values());
  }

  /** Every entry's id, in registration order. */
  public List<String> ids() {
    return List.copyOf(byId.keySet());
  }

  /**
   * The entry with {@code id}.
   *
   * @throws IllegalArgumentException naming the known ids, for an unknown or null id
   */
  public T byId(String id) {
    T entry = id == null ? null : byId.get(id.trim().toLowerCase(Locale.ROOT));
    if (entry == null) {
      throw new IllegalArgumentException("expected one of the " + noun + "s "
          + String.join(", ", byId.keySet()) + ", found '" + id + "'");
    }
    return entry;
  }
}

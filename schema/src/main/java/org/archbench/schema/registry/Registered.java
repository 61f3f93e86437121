package org.archbench.schema.registry;

import java.util.Objects;

/**
 * Something registered by id, as a {@link java.util.ServiceLoader} provider is: two instances are
 * equal when their ids are, since a registry may hand out a new instance per look-up, and the id is
 * how it prints.
 */
public abstract class Registered {

  private final String id;

  protected Registered(String id) {
    this.id = Objects.requireNonNull(id, "id");
  }

  /** The id on the command line, in JMH's parameters and in results. */
  public final String id() {
    return id;
  }

  @Override
  public final boolean equals(Object other) {
    return other != null && other.getClass() == getClass() && ((Registered) other).id.equals(id);
  }

  @Override
  public final int hashCode() {
    return id.hashCode();
  }

  @Override
  public final String toString() {
    return id;
  }
}

package org.archbench.schema.io;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as the whole content of one result file, and gives the file's format version.
 * {@link JsonFiles} writes the version as the file's first field, {@code formatVersion}, and refuses
 * to read a file of a newer major version.
 *
 * <p>Bump {@link #minor} when a field is added (older readers ignore it), {@link #major} when a field
 * is renamed, removed or changes meaning (older readers must refuse the file).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ResultFormat {

  /** The file, as the output layout names it, e.g. {@code eval/<arch>.json}. */
  String file();

  /** Incompatible changes. */
  int major() default 1;

  /** Compatible additions. */
  int minor() default 0;
}

package org.archbench.schema.io;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a field a result record must have and does not: Jackson leaves a field the file lacks, or
 * gives as {@code null}, null, and the stage reading it would fail far from the file.
 *
 * <p>The rule: every field of a record is required, through nested records, lists, maps and arrays
 * of objects (a confusion matrix's rows), except one marked {@link MayBeAbsent}. Lists and maps a
 * record defaults to empty in its constructor are never null here.
 */
final class MissingFields {

  private MissingFields() {}

  /** The first required field null in {@code value}, as a path: {@code engines[0].engine}. */
  static Optional<String> in(Object value) {
    return in(value, "");
  }

  private static Optional<String> in(Object value, String path) {
    if (value instanceof Record record) {
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        Object field = read(component, record);
        String fieldPath = path.isEmpty() ? component.getName() : path + "." + component.getName();
        if (field == null) {
          if (!component.isAnnotationPresent(MayBeAbsent.class)) {
            return Optional.of(fieldPath);
          }
          continue;
        }
        Optional<String> missing = in(field, fieldPath);
        if (missing.isPresent()) {
          return missing;
        }
      }
    } else if (value instanceof Collection<?> collection) {
      int index = 0;
      for (Object element : collection) {
        Optional<String> missing = element == null
            ? Optional.of(path + "[" + index + "]") : in(element, path + "[" + index + "]");
        if (missing.isPresent()) {
          return missing;
        }
        index++;
      }
    } else if (value instanceof Object[] array) {
      return in(Arrays.asList(array), path);
    } else if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String entryPath = path + "[" + entry.getKey() + "]";
        Optional<String> missing = entry.getKey() == null || entry.getValue() == null
            ? Optional.of(entryPath) : in(entry.getValue(), entryPath);
        if (missing.isPresent()) {
          return missing;
        }
      }
    }
    return Optional.empty();
  }

  private static Object read(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component + " of a result record", e);
    }
  }
}

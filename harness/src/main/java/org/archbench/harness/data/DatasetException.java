package org.archbench.harness.data;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * The dataset could not be found or is not what it should be. The message says what went wrong
 * (which file, what was expected, what was found), lists every place tried, and says what to do.
 */
public final class DatasetException extends IOException {

  private static final long serialVersionUID = 1L;

  private final transient List<PlaceTried> placesTried;

  DatasetException(
      IdxDataset dataset, String problem, List<PlaceTried> placesTried, Throwable cause) {
    super(compose(dataset, problem, placesTried), cause);
    this.placesTried = List.copyOf(placesTried);
  }

  /** Every place that was looked at, in order, with what was found there. */
  public List<PlaceTried> placesTried() {
    return placesTried;
  }

  private static String compose(IdxDataset dataset, String problem, List<PlaceTried> placesTried) {
    Objects.requireNonNull(problem, "problem");
    StringBuilder message = new StringBuilder(problem).append('\n');
    message.append("Places tried, in order:\n");
    for (PlaceTried place : placesTried) {
      message.append("  - ").append(place).append('\n');
    }
    message.append("To fix it, either:\n");
    dataset
        .debianPackage()
        .ifPresent(
            name ->
                message
                    .append("  - install the Debian/Ubuntu package: apt-get install ")
                    .append(name)
                    .append(" (files go to ")
                    .append(dataset.systemDirectory())
                    .append(")\n"));
    message
        .append("  - or pass -Dbench.data=DIR (CLI: --data DIR, or $")
        .append(dataset.environmentVariable())
        .append(") naming a directory that holds ");
    List<IdxFileSpec> files = dataset.files();
    for (int i = 0; i < files.size(); i++) {
      message.append(i == 0 ? "" : ", ").append(files.get(i).name()).append("[.gz]");
    }
    message.append(" as published at ").append(dataset.downloadBase());
    return message.toString();
  }
}

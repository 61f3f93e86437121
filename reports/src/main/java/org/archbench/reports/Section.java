package org.archbench.reports;

import java.util.function.Supplier;
import java.util.ArrayList;
import java.util.List;

/**
 * One section of the report: its tables, charts, images and links, and what is missing because a
 * stage did not run.
 */
final class Section {

  /** A chart: an inline SVG element. */
  record Figure(String title, String svg) {}

  /** A link to a file inside the report directory. */
  record Link(String text, String href) {}

  private final String id;
  private final String title;
  private final List<String> notes = new ArrayList<>();
  private final List<String> missing = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final List<Table> tables = new ArrayList<>();
  private final List<Figure> figures = new ArrayList<>();
  private final List<Link> images = new ArrayList<>();
  private final List<Link> links = new ArrayList<>();

  Section(String id, String title) {
    this.id = id;
    this.title = title;
  }

  Section note(String text) {
    notes.add(text);
    return this;
  }

  /** Records that {@code what} is missing, e.g. "jmh/figures.json (the benchmarks did not run)". */
  Section missing(String what) {
    missing.add(what);
    return this;
  }

  Section table(Table table) {
    tables.add(table);
    return this;
  }

  /** Records a value that cannot be true, named with its file. */
  Section problem(String what) {
    problems.add(what);
    return this;
  }

  /** Records what makes the figures less to be trusted than they read, e.g. a drifting machine. */
  Section warning(String what) {
    warnings.add(what);
    return this;
  }

  /**
   * Adds the chart {@code svg} draws; a chart that cannot be drawn is a note instead, so the rest
   * of the page still renders.
   */
  Section figure(String figureTitle, Supplier<String> svg) {
    try {
      figures.add(new Figure(figureTitle, svg.get()));
    } catch (RuntimeException undrawable) {
      notes.add("The chart \"" + figureTitle + "\" could not be drawn: "
          + undrawable.getMessage());
    }
    return this;
  }

  Section image(String alt, String href) {
    images.add(new Link(alt, href));
    return this;
  }

  Section link(String text, String href) {
    links.add(new Link(text, href));
    return this;
  }

  public String getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public List<String> getNotes() {
    return notes;
  }

  public List<String> getProblems() {
    return problems;
  }

  public List<String> getWarnings() {
    return warnings;
  }

  public List<String> getMissing() {
    return missing;
  }

  public List<Table> getTables() {
    return tables;
  }

  public List<Figure> getFigures() {
    return figures;
  }

  public List<Link> getImages() {
    return images;
  }

  public List<Link> getLinks() {
    return links;
  }
}

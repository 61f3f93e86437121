package org.archbench.app.cli;

import java.io.PrintWriter;
import java.util.List;
import org.archbench.models.spec.ArchitectureSpec;
import org.archbench.models.spec.Architectures;

/**
 * The architectures a study runs on: the study's own choice (its option, or the preset's), kept only
 * where the run's {@code --archs} selection has them, so that {@code -Dbench.archs=mlp,cnn} never
 * trains a study model of an architecture the run left out.
 */
final class StudyArchs {

  private StudyArchs() {}

  /**
   * {@code studied} (validated against the registry) that {@code selected} holds, in the studied
   * order; says on {@code out} which it leaves out and why.
   */
  static List<String> of(List<String> studied, List<String> selected, String study,
      PrintWriter out) {
    List<String> ids = studied.stream().map(Architectures::byId).map(ArchitectureSpec::id).toList();
    List<String> kept = ids.stream().filter(selected::contains).toList();
    List<String> left = ids.stream().filter(id -> !selected.contains(id)).toList();
    if (!left.isEmpty()) {
      out.println(study + ": " + String.join(", ", left) + " left out, not among the run's"
          + " architectures (--archs " + String.join(",", selected) + ")");
      out.flush();
    }
    return kept;
  }
}

package org.archbench.harness;

/** Words for a failure, for messages that must never read "null". */
public final class Failures {

  private Failures() {}

  /**
   * The exception's message; where a library left it empty, the exception's type and those of its
   * causes down to the first that has one, e.g. {@code EOFException: no message}.
   */
  public static String describe(Throwable exception) {
    StringBuilder text = new StringBuilder();
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
        return text.append(cause.getMessage()).toString();
      }
      text.append(cause.getClass().getSimpleName()).append(": ");
    }
    return text.append("no message").toString();
  }
}

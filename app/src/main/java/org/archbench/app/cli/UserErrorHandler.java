package org.archbench.app.cli;

import java.io.IOException;
import org.archbench.harness.data.DatasetException;
import org.archbench.harness.training.TrainingDivergedException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints a user's mistake (a missing dataset, a corrupt file, a bad option value, a diverging run)
 * as its message alone, since the message already says what was expected and what to do; anything
 * else is a bug and keeps its stack trace.
 */
final class UserErrorHandler implements IExecutionExceptionHandler {

  /** Exit code of a run that failed on bad input rather than on a bug. */
  static final int BAD_INPUT = 2;

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult parseResult) throws Exception {
    if (exception instanceof DatasetException
        || exception instanceof IllegalArgumentException
        || exception instanceof TrainingDivergedException
        || exception instanceof IOException) {
      commandLine.getErr().println(commandLine.getColorScheme().errorText("error: ")
          + message(exception));
      return BAD_INPUT;
    }
    throw exception;
  }

  /**
   * The exception's message; where a library left it empty, what the exception and its causes are,
   * so that no fault ends in "error: null".
   */
  static String message(Throwable exception) {
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

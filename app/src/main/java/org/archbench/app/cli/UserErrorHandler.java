package org.archbench.app.cli;

import java.io.IOException;
import org.archbench.harness.Failures;
import org.archbench.harness.data.DatasetException;
import org.archbench.harness.training.TrainingDivergedException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints a user's mistake (a missing dataset, a corrupt file, a bad option value, a diverging run)
 * as its message alone, since the message already says what was expected and what to do, and its
 * stack trace only with {@code --verbose}; anything else is a bug and keeps its stack trace.
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
          + Failures.describe(exception));
      if (verbose(parseResult)) {
        exception.printStackTrace(commandLine.getErr());
      }
      return BAD_INPUT;
    }
    throw exception;
  }

  /** Whether {@code --verbose} was given to the command or any of its parents. */
  private static boolean verbose(ParseResult parseResult) {
    for (ParseResult command = parseResult; command != null; command = command.subcommand()) {
      if (command.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}

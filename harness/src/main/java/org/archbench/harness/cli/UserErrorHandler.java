package org.archbench.harness.cli;

import org.archbench.harness.data.DatasetException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints a user's mistake (a missing dataset, a corrupt file) as its message alone, since the
 * message already says what to do; anything else is a bug and keeps its stack trace.
 */
final class UserErrorHandler implements IExecutionExceptionHandler {

  /** Exit code of a run that failed on bad input rather than on a bug. */
  static final int BAD_INPUT = 2;

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult parseResult) throws Exception {
    if (exception instanceof DatasetException) {
      commandLine.getErr().println(commandLine.getColorScheme().errorText("error: ")
          + exception.getMessage());
      return BAD_INPUT;
    }
    throw exception;
  }
}

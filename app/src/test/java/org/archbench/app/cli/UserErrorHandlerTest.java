package org.archbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.EOFException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class UserErrorHandlerTest {

  @Test
  void anEmptyMessageNamesTheExceptionAndItsCauseNeverNull() {
    assertEquals("IOException: unexpected end of checkpoint", UserErrorHandler.message(
        new IOException((String) null, new EOFException("unexpected end of checkpoint"))));
    assertEquals("EOFException: no message", UserErrorHandler.message(new EOFException()));
    assertEquals("the file is truncated",
        UserErrorHandler.message(new IOException("the file is truncated")));
  }
}

package org.archbench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.EOFException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class FailuresTest {

  @Test
  void anEmptyMessageNamesTheExceptionAndItsCauseNeverNull() {
    assertEquals("IOException: unexpected end of checkpoint", Failures.describe(
        new IOException((String) null, new EOFException("unexpected end of checkpoint"))));
    assertEquals("EOFException: no message", Failures.describe(new EOFException()));
    assertEquals("the file is truncated",
        Failures.describe(new IOException("the file is truncated")));
  }
}

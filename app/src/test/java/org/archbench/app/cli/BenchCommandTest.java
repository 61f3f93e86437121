package org.archbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code archbench bench} on a model an engine cannot load: one error line, nothing written. */
class BenchCommandTest {

  @TempDir Path out;

  @Test
  void parametersPyTorchCannotLoadAreOneErrorLineBeforeJmh() throws IOException {
    Path parameters = ModelDirectories.trainedAndExported(out).resolve("mlp-0001.params");
    byte[] noise = new byte[4096];
    new Random(5).nextBytes(noise);
    Files.write(parameters, noise);
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.newCommandLine();
    commandLine.setOut(new PrintWriter(new StringWriter()));
    commandLine.setErr(new PrintWriter(err));

    int exitCode = commandLine.execute("bench", "--in", out.toString(), "--arch", "mlp",
        "--engines", "pytorch", "--variants", "fp32", "--preset", "smoke", "--no-profile");

    assertEquals(UserErrorHandler.BAD_INPUT, exitCode, err.toString());
    String[] lines = err.toString().strip().split("\n");
    assertEquals(1, lines.length, err.toString());
    assertTrue(lines[0].startsWith("error: " + parameters.toAbsolutePath()
        + ": expected the parameters training saved (sha256 "), err.toString());
    assertFalse(Files.exists(out.resolve("jmh")), "JMH never started");
  }
}

package org.archbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code archbench check} looks into the model files, not only at their being there. */
class CheckCommandTest {

  @TempDir Path out;

  @Test
  void aModelFileOfTheWrongVariantIsAProblem() throws IOException {
    Path directory = ModelDirectories.trainedAndExported(out);
    Files.copy(directory.resolve("mlp.onnx"), directory.resolve("mlp.int8.onnx"),
        StandardCopyOption.REPLACE_EXISTING);
    StringWriter printed = new StringWriter();
    CommandLine commandLine = Main.newCommandLine();
    commandLine.setOut(new PrintWriter(printed));

    int exitCode = commandLine.execute("check", "--in", out.toString(), "--arch", "mlp");

    assertEquals(1, exitCode);
    assertTrue(printed.toString().contains("MISSING OR WRONG: " + directory.resolve("mlp.int8.onnx")
        + ": expected the int8 model of mlp, found the fp32 model (its metadata says so)"),
        printed.toString());
  }
}

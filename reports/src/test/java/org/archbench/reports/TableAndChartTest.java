package org.archbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How single values read on the page: p-values at the edge of a double, one-point charts. */
class TableAndChartTest {

  @Test
  void aPValueADoubleCannotTellFromZeroIsShownAsABound() {
    Table.Column p = Table.Column.pValue("p", "p");

    assertEquals("< 1e-300", Table.format(p, 0.0).text());
    assertEquals("< 1e-300", Table.format(p, Double.MIN_VALUE).text());
    assertEquals("1.00e-300", Table.format(p, 1e-300).text());
    assertEquals("0.0123", Table.format(p, 0.012345).text());
  }

  @Test
  void aValueThatCannotBeTrueReadsInvalidInItsCell() {
    Table.Column accuracy = Table.Column.percent("accuracy", "Accuracy %");
    Table.Column images = Table.Column.number("images_per_s", "img/s", "%,.0f");

    assertTrue(Table.format(accuracy, 1e308).invalid());
    assertEquals("invalid", Table.format(accuracy, -0.1).text());
    assertEquals("invalid", Table.format(images, Double.POSITIVE_INFINITY).text());
    assertEquals("92.34", Table.format(accuracy, 0.9234).text());
    assertFalse(Table.format(images, 1234.0).invalid());
  }

  @Test
  void aChartOfOneXValueLabelsItsTicksAsWholeNumbers() {
    String svg = new Charts().lines("Loss", "epoch", "loss",
        Map.of("mlp", List.<double[]>of(new double[] {1, 0.5})));

    assertFalse(svg.contains("1E0"), "ticks of a one-epoch run");
    assertTrue(svg.contains(">1<") || svg.contains(">1.0<") || svg.matches("(?s).*>\\s*1\\s*<.*"),
        "the epoch is labelled");
  }
}

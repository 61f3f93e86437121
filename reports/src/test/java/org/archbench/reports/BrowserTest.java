package org.archbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The report in a real browser: the system's headless Chromium, driven through its chromedriver
 * (Debian packages chromium and chromium-driver), opens the page from file://, and finds no console
 * errors, no broken link and no broken image. It saves a screenshot to
 * target/report-screenshot.png. Skipped where Chromium is not installed; CI installs it.
 */
class BrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir Path out;

  @Test
  void opensWithoutConsoleErrorsBrokenLinksOrImages() throws IOException {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "needs chromium and chromium-driver (apt-get install chromium chromium-driver)");
    Path index = HtmlReport.write(Fixtures.run(), out, "fixture machine");

    // Selenium warns that it has no DevTools bindings for this Chromium; the test needs none.
    java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--window-size=1400,2400", "--allow-file-access-from-files");
    LoggingPreferences logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logging);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    ChromeDriver browser = new ChromeDriver(service, options);
    try {
      browser.get(index.toUri().toString());

      assertEquals("archbench report: fixture machine", browser.getTitle());
      List<WebElement> sections = browser.findElements(By.tagName("section"));
      assertEquals(13, sections.size());
      assertEquals("picks", sections.get(0).getAttribute("id"), "the pick table opens the report");
      JavascriptExecutor script = browser;
      for (WebElement image : browser.findElements(By.tagName("img"))) {
        Object width = script.executeScript(
            "return arguments[0].complete ? arguments[0].naturalWidth : -1;", image);
        assertTrue(((Number) width).longValue() > 0, "broken image " + image.getAttribute("src"));
      }
      for (WebElement link : browser.findElements(By.cssSelector("a[href]"))) {
        String href = link.getAttribute("href");
        if (href.startsWith("file:") && !href.contains("#")) {
          assertTrue(Files.isRegularFile(Path.of(java.net.URI.create(href))), "broken link " + href);
        }
      }
      List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
          .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
          .toList();
      assertEquals(List.of(), errors.stream().map(LogEntry::getMessage).toList(), "console errors");
      Path screenshot = Path.of("target/report-screenshot.png");
      Files.createDirectories(screenshot.getParent());
      Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
      assertTrue(Files.size(screenshot) > 10_000);
    } finally {
      browser.quit();
    }
  }

}

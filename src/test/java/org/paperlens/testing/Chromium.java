package org.paperlens.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The machine's own headless Chromium (Debian's {@code chromium}, found on PATH) driven by
 * Playwright. Playwright never downloads a browser here: the download is switched off both in the
 * test JVM's environment (pom.xml) and in the driver's, so a run needs no network. CI installs the
 * package (.ci/run); on a machine without it, {@link #launch} skips the calling test with a message
 * (on CI, {@code CI=true}, it fails it: see {@link Prerequisites}).
 *
 * <p>Not thread safe: one instance per test class, closed after it (it owns a browser process).
 */
public final class Chromium implements AutoCloseable {

  /** Names the Debian and Ubuntu packages install the browser under, in order of preference. */
  private static final String[] NAMES = {"chromium", "chromium-browser"};

  /** Where screenshots go, below the build output, for a person to look at after a run. */
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final Playwright playwright;
  private final Browser browser;

  private Chromium(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  /** The first Chromium executable on PATH, if any. */
  public static Optional<Path> onPath() {
    String path = System.getenv().getOrDefault("PATH", "");
    return Arrays.stream(NAMES)
        .flatMap(name -> Arrays.stream(path.split(File.pathSeparator))
            .filter(dir -> !dir.isEmpty())
            .map(dir -> Path.of(dir, name)))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** Starts headless Chromium, or skips the calling test (fails it on CI) when none is installed. */
  public static Chromium launch() {
    Optional<Path> executable = onPath();
    Prerequisites.require("Chromium", executable.isPresent(), () -> "no chromium on PATH (browser tests drive the system's "
        + "Chromium; install it with `apt-get install chromium`, as .ci/run does)");
    Playwright playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    try {
      Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
          .setExecutablePath(executable.get())
          .setHeadless(true));
      return new Chromium(playwright, browser);
    } catch (RuntimeException e) {
      playwright.close();
      throw e;
    }
  }

  /** A fresh browser profile (own cookies, so its own session) with one page open; close its context when done. */
  public Page newPage() {
    return newPage(new Browser.NewContextOptions());
  }

  /** As {@link #newPage()}, with options for the profile (the viewport is always 1280 × 900). */
  public Page newPage(Browser.NewContextOptions options) {
    BrowserContext context = browser.newContext(options.setViewportSize(1280, 900));
    return context.newPage();
  }

  /** Saves a full-page screenshot as target/screenshots/NAME.png and returns its path. */
  public static Path screenshot(Page page, String name) {
    Path file = SCREENSHOTS.resolve(name + ".png");
    try {
      Files.createDirectories(SCREENSHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    return file;
  }

  @Override
  public void close() {
    try {
      browser.close();
    } finally {
      playwright.close();
    }
  }
}

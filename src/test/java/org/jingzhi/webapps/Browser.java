package org.jingzhi.webapps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jingzhi.support.Http;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}), whose
 * preferred language is Chinese. Without them the browser tests are skipped, unless
 * JINGZHI_REQUIRE_BROWSER=true (as in CI), which makes them fail instead.
 */
public final class Browser implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "e2e-screenshots");
  static final String CHROMIUM = System.getenv().getOrDefault("JINGZHI_CHROMIUM", "/usr/bin/chromium");
  static final String CHROMEDRIVER = System.getenv().getOrDefault("JINGZHI_CHROMEDRIVER", "/usr/bin/chromedriver");

  final WebDriver driver;
  final WebDriverWait wait;
  final String base;

  private Browser(WebDriver driver, String base) {
    this.driver = driver;
    this.base = base;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  /** A fresh browser (fresh cookies) for one user. */
  public static Browser open(int port, String language) {
    boolean available = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
    if (!available) {
      if ("true".equals(System.getenv("JINGZHI_REQUIRE_BROWSER"))) {
        throw new IllegalStateException("Chromium and chromedriver are required (" + CHROMIUM + ", " + CHROMEDRIVER + ")");
      }
      Assumptions.abort("No Chromium/chromedriver here; install Debian's chromium and chromium-driver to run the browser tests");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1440,1000",
        "--lang=" + language, "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-quic");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).build();
    return new Browser(new ChromeDriver(service, options), "http://localhost:" + port);
  }

  /** The window's size: a phone's is 390 × 844. */
  public void resize(int width, int height) {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
  }

  public void go(String path) {
    driver.get(base + path);
  }

  public WebElement await(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /**
   * Clicks what {@code by} finds once it is clickable, and finds it again if the page drew it anew in between — as
   * Tasklist redraws a list when the filter just chosen answers, which may still show the task of the filter before.
   */
  public void click(By by) {
    wait.until(driver -> {
      try {
        clickable(by).click();
        return true;
      } catch (StaleElementReferenceException redrawn) {
        return false;
      }
    });
  }

  /** The element, scrolled to the middle of the view so that headers and footers do not cover it. */
  public WebElement clickable(By by) {
    WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
    script("arguments[0].scrollIntoView({block: 'center'});", element);
    return element;
  }

  public void awaitText(By by, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  public List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  public Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  public String bodyText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** Saves a screenshot and the page source under target/e2e-screenshots. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path png = SCREENSHOTS.resolve(name + ".png");
      Files.write(png, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
      return png;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Sends HTTP Basic for {@code user} (password "demo") with every request from now on, as a browser
   * does after its login prompt.
   */
  public void sendBasicLogin(String user) {
    ChromeDriver chrome = (ChromeDriver) driver;
    chrome.executeCdpCommand("Network.enable", Map.of());
    chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", Http.basic(user, "demo"))));
  }

  /** Logs into a webapp through its login page. */
  public void login(String app, String user, String password) {
    go("/camunda/app/" + app + "/");
    By username = By.cssSelector("input[ng-model='username'], input#inputUsername, input[name='username']");
    By secret = By.cssSelector("input[type='password']");
    // the page may still be settling when the keys arrive: the password once landed in the user name field (seen in CI)
    for (int attempt = 0; attempt < 5 && !typed(username, user, secret, password); attempt++) {
      await(username).clear();
      driver.findElement(secret).clear();
      await(username).sendKeys(user);
      driver.findElement(secret).sendKeys(password);
    }
    driver.findElement(By.cssSelector("button[type='submit']")).click();
    // logged in once the form is gone: navigating away earlier can abort the login request (seen in CI)
    wait.until(ExpectedConditions.invisibilityOfElementLocated(secret));
  }

  private boolean typed(By username, String user, By secret, String password) {
    return user.equals(await(username).getDomProperty("value")) && password.equals(driver.findElement(secret).getDomProperty("value"));
  }

  @Override
  public void close() {
    driver.quit();
  }
}

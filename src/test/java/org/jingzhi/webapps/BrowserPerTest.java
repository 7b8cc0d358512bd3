package org.jingzhi.webapps;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The browser of a browser test: what it shows is saved when the test fails
 * (target/e2e-screenshots/&lt;test&gt;.png), and it is closed after every test.
 */
public class BrowserPerTest implements AfterTestExecutionCallback, AfterEachCallback {

  /** Implemented by browser tests: the browser of the test that just ran, if any. */
  public interface WithBrowser {
    Browser browser();
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    Browser browser = browserOf(context);
    if (context.getExecutionException().isEmpty() || browser == null) {
      return;
    }
    Path png = browser.screenshot(context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName());
    System.out.println("Screenshot of the failure: " + png);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Browser browser = browserOf(context);
    if (browser != null) {
      browser.close();
    }
  }

  private static Browser browserOf(ExtensionContext context) {
    return context.getTestInstance().orElse(null) instanceof WithBrowser test ? test.browser() : null;
  }
}

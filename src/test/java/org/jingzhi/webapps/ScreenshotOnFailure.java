package org.jingzhi.webapps;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Saves what the browser shows when a browser test fails (target/e2e-screenshots/&lt;test&gt;.png). */
public class ScreenshotOnFailure implements AfterTestExecutionCallback {

  /** Implemented by browser tests: the browser of the test that just ran, if any. */
  public interface WithBrowser {
    Browser browser();
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (context.getExecutionException().isEmpty() || !(context.getTestInstance().orElse(null) instanceof WithBrowser test)
        || test.browser() == null) {
      return;
    }
    Path png = test.browser().screenshot(context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName());
    System.out.println("Screenshot of the failure: " + png);
  }
}

package org.jingzhi.webapps;

import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A test in the browser against the running application: open {@link #browser} in the test; it is closed after it. */
@IntegrationTest
@ExtendWith(BrowserPerTest.class)
abstract class BrowserTest implements BrowserPerTest.WithBrowser {

  @LocalServerPort
  int port;

  Browser browser;

  @Override
  public Browser browser() {
    return browser;
  }
}

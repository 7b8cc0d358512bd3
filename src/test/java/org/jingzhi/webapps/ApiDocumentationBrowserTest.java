package org.jingzhi.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** An integrator logged in as the window browses /api/docs and submits an application with "Try it out" as written. */
class ApiDocumentationBrowserTest extends BrowserTest {

  static final String SUBMIT = "#operations-联合审批_Joint_approval-submit";

  @Test
  void theWindowSubmitsTheExampleApplicationFromTheBrowsableDescription() {
    browser = Browser.open(port, "zh-CN");
    browser.sendBasicLogin("window");
    browser.go("/api/docs");

    browser.awaitText(By.cssSelector(".info h1.title"), "精治 Jingzhi API");
    assertThat(browser.bodyText()).contains("联合审批 Joint approval", "四级联动 Escalation chain", "目录 Catalogues");
    browser.clickable(By.cssSelector(SUBMIT + " .opblock-summary-control")).click();
    browser.clickable(By.cssSelector(SUBMIT + " .execute")).click();

    browser.awaitText(By.cssSelector(SUBMIT + " .live-responses-table tr.response .response-col_status"), "201");
    assertThat(browser.all(By.cssSelector(SUBMIT + " .live-responses-table .microlight")).get(0).getText()).contains("\"caseNumber\": \"LH-");
  }
}

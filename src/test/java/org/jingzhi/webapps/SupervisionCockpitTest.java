package org.jingzhi.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.jingzhi.escalation.Events;
import org.jingzhi.notice.Cause;
import org.jingzhi.notice.NoticeKind;
import org.jingzhi.notice.NoticeTemplate;
import org.jingzhi.notice.Notices;
import org.jingzhi.notice.Person;
import org.jingzhi.support.Clock;
import org.jingzhi.support.EventSteps;
import org.jingzhi.support.EngineApi;
import org.jingzhi.support.OverdueWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The supervisor's Cockpit: the dashboard 「效能督查」 shows the plugin API's figures, in Chinese or English. */
class SupervisionCockpitTest extends BrowserTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  Events events;
  @Autowired
  Notices notices;
  @Autowired
  JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theSupervisorSeesTheFiguresOfTheApiOnTheDashboard() throws Exception {
    JsonNode figures = JSON.readTree(EngineApi.webapp(port).get("supervisor",
        "/camunda/api/cockpit/plugin/jingzhi-supervision/default/dashboard").body());
    browser = Browser.open(port, "zh-CN");
    browser.login("cockpit", "supervisor", "demo");

    browser.awaitText(By.cssSelector(".jz-supervision-dashboard"), "效能督查");
    browser.await(By.cssSelector(".jz-figure[data-figure='overdueTasks']"));
    for (String figure : new String[] {"overdueTasks", "tasksDueSoon", "openSupervisionCases", "remindersToday"}) {
      assertThat(value(figure)).as(figure).isEqualTo(figures.get(figure).asText());
    }
    long openCases = 0;
    for (JsonNode status : figures.get("cases")) {
      openCases += status.get("count").asLong();
    }
    assertThat(value("cases")).isEqualTo(String.valueOf(openCases));
    assertThat(browser.bodyText()).contains("在办联合审批案件", "已超期的工作", "窗口受理中");
    assertThat(browser.await(By.cssSelector(".jz-figure[data-figure='cases']")).getAttribute("href")).contains("#/process-definition/");
    browser.clickable(By.cssSelector(".jz-figure[data-figure='remindersToday']")).click();
    browser.wait.until(driver -> driver.getCurrentUrl().contains("#/jingzhi-deadlines") && driver.getCurrentUrl().contains("reminded=today"));
    browser.awaitText(By.cssSelector(".jz-reminded"), "仅显示今日已催办单位的待办");
  }

  @Test
  void theSupervisorSeesNoticesThatDidNotArriveAndSendsOneAgain() throws Exception {
    long givenUp = notices.tellPerson(Cause.of("cockpit-test", "SJ-COCKPIT-1"), NoticeKind.EVENT, Person.reporter("13811112222"),
        NoticeTemplate.EVENT_REGISTERED, Map.of("categoryName", "噪声扰民", "eventNumber", "SJ-COCKPIT-1")).get(0).id();
    jdbc.update("UPDATE jz_notice SET status = 'GIVEN_UP', attempts = 8, last_error = '短信网关返回 HTTP 503' WHERE id = ?", givenUp);
    assertThat(EngineApi.webapp(port).get("city", "/camunda/api/cockpit/plugin/jingzhi-supervision/default/notices/undelivered").status())
        .as("the command centre oversees events, not applicants' notices").isEqualTo(403);

    browser = Browser.open(port, "zh-CN");
    browser.login("cockpit", "supervisor", "demo");
    WebElement row = browser.await(By.cssSelector(".jz-undelivered-table tr[data-notice='" + givenUp + "']"));
    assertThat(row.getText()).contains("SJ-COCKPIT-1", "诉求已登记：噪声扰民", "138****2222", "短信", "8", "短信网关返回 HTTP 503")
        .doesNotContain("13811112222");
    browser.clickable(By.cssSelector("button[data-retry='" + givenUp + "']")).click();
    browser.awaitText(By.cssSelector(".jz-undelivered-table tr[data-notice='" + givenUp + "']"), "已重新排队");
    assertThat(jdbc.queryForObject("SELECT status FROM jz_notice WHERE id = ?", String.class, givenUp)).isEqualTo("PENDING");
  }

  @Test
  void anEnglishBrowserGetsTheDashboardInEnglish() {
    browser = Browser.open(port, "en-US");
    browser.login("cockpit", "city", "demo");

    browser.awaitText(By.cssSelector(".jz-supervision-dashboard"), "Performance supervision");
    browser.await(By.cssSelector(".jz-figure[data-figure='overdueTasks']"));
    assertThat(browser.await(By.cssSelector(".jz-supervision-dashboard")).getText()).contains("Work overdue now", "Open citizen events", "At the window")
        .doesNotContain("窗口受理中");
  }

  @Test
  void theSupervisorFindsWorkMadeOverdueByItsTimerInTheDeadlineMonitor() throws Exception {
    Clock.set(2026, 3, 2, 9, 0);
    String caseInstance = OverdueWork.acceptedCase(port, engine, "时限监控浏览器店");
    Task review = engine.getTaskService().createTaskQuery().processInstanceId(caseInstance).taskCandidateGroup("market").singleResult();
    Clock.set(Date.from(review.getDueDate().toInstant().plus(2, ChronoUnit.DAYS)));
    OverdueWork.fireDueTimers(engine, caseInstance);
    browser = Browser.open(port, "zh-CN");
    browser.login("cockpit", "supervisor", "demo");

    browser.clickable(By.xpath("//a[@href='#/jingzhi-deadlines' and normalize-space()='效能督查']")).click();
    browser.awaitText(By.cssSelector(".jz-deadlines h1"), "时限监控");
    By row = By.cssSelector("tr[data-task='" + review.getId() + "']");
    browser.await(row);
    assertThat(browser.await(row).getText()).contains("联合审批", "市场监管局", "个工作日", "是");
    assertThat(browser.await(By.cssSelector(".jz-misses-title")).getText()).startsWith("本月超期记录");
    browser.go("/camunda/app/cockpit/default/#/jingzhi-deadlines?state=overdue&unit=market");
    browser.await(row);
    browser.clickable(By.xpath("//nav[contains(@class,'jz-states')]/a[normalize-space()='全部']")).click();
    browser.wait.until(driver -> driver.getCurrentUrl().contains("state=all") && driver.getCurrentUrl().contains("unit=market"));
    assertThat(browser.await(row).getText()).as("the list again, still market's").contains("市场监管局");
    assertThat(browser.all(By.cssSelector(".jz-deadline-table tbody tr")).stream().map(WebElement::getText))
        .allMatch(text -> text.contains("市场监管局"));

    new Select(browser.await(By.cssSelector(".jz-deadline-filters select[name='category']"))).selectByValue("restaurant-opening");
    browser.clickable(By.cssSelector(".jz-deadline-filters button")).click();
    browser.wait.until(driver -> driver.getCurrentUrl().contains("category=restaurant-opening"));
    browser.wait.until(driver -> "restaurant-opening".equals(driver.findElement(By.cssSelector(".jz-deadline-filters select[name='category']"))
        .getAttribute("value")));
    assertThat(browser.await(row).getText()).contains("餐饮店开业一件事", "市场监管局");
    browser.clickable(By.cssSelector("th a[data-sort='task']")).click();
    browser.wait.until(driver -> driver.getCurrentUrl().contains("sort=task") && driver.getCurrentUrl().contains("category=restaurant-opening"));
    browser.awaitText(By.cssSelector("th a[data-sort='task']"), "▲");
    browser.await(row).findElement(By.tagName("a")).click();
    browser.wait.until(driver -> driver.getCurrentUrl().contains("#/process-instance/" + caseInstance));
  }

  @Test
  void theSupervisorReadsTheWholeStoryOfAnEndedCase() throws Exception {
    String caseInstance = OverdueWork.acceptedCase(port, engine, "案件轨迹浏览器店");
    String number = (String) engine.getRuntimeService().getVariable(caseInstance, "caseNumber");
    browser = Browser.open(port, "zh-CN");
    browser.login("cockpit", "supervisor", "demo");

    browser.go("/camunda/app/cockpit/default/#/process-instance/" + caseInstance + "/runtime");
    browser.clickable(By.xpath("//a[normalize-space()='办理轨迹']")).click();
    browser.awaitText(By.cssSelector(".jz-trail-table"), "市场监管局审查：案件轨迹浏览器店");

    engine.getRuntimeService().deleteProcessInstance(caseInstance, "测试：撤销案件");
    browser.go("/camunda/app/cockpit/default/#/jingzhi-trail");
    browser.await(By.cssSelector("input.jz-number")).sendKeys(number);
    browser.clickable(By.cssSelector(".jz-trail-search button")).click();
    browser.awaitText(By.cssSelector(".jz-trail-table"), "测试：撤销案件");
    assertThat(browser.await(By.cssSelector(".jz-trail-case")).getText()).contains(number, "联合审批");
    assertThat(browser.await(By.cssSelector(".jz-trail-table")).getText()).contains("窗口受理", "window", "市场监管局", "受理：受理", "意见：材料齐全");
  }

  @Test
  void theSupervisorSeesTheRatesAsChartAndTableAndDownloadsThem() {
    new EventSteps(engine, events).oneAnsweredInTimeOneLate(2026, 6, 8);
    Clock.reset();
    browser = Browser.open(port, "zh-CN");
    browser.login("cockpit", "supervisor", "demo");

    browser.go("/camunda/app/cockpit/default/#/jingzhi-rates?from=2026-06-08&to=2026-06-08&groupBy=unit");
    browser.await(By.cssSelector(".jz-rates-chart[data-rendered='true'] canvas"));
    browser.await(By.cssSelector(".jz-rates-trend[data-rendered='true'] canvas"));
    WebElement liuan = browser.await(By.cssSelector(".jz-rates-table tr[data-group='990101001001']"));
    assertThat(liuan.getText()).contains("柳岸社区", "50.0%");
    assertThat(liuan.findElement(By.cssSelector("td[data-rate='responseRate']")).getAttribute("class")).contains("jz-mark-red");
    String href = browser.await(By.cssSelector("a.jz-export")).getAttribute("href");
    Object download = ((JavascriptExecutor) browser.driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.blob().then(b => done(r.status + ' ' + r.headers.get('content-type') + ' ' + b.size)));",
        href);
    assertThat(String.valueOf(download)).startsWith("200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  }

  private String value(String figure) {
    return browser.await(By.cssSelector(".jz-figure[data-figure='" + figure + "'] .jz-figure-value")).getText();
  }
}

package org.jingzhi.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jingzhi.approval.ApplicationRequest;
import org.jingzhi.approval.JointApprovals;
import org.jingzhi.escalation.EscalationDriver;
import org.jingzhi.escalation.EventRequest;
import org.jingzhi.escalation.Events;
import org.jingzhi.escalation.ReportedEvent;
import org.jingzhi.support.Clock;
import org.jingzhi.support.Http;
import org.jingzhi.support.Users;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The clerks' journeys in a real browser (headless Chromium, Chinese preferred) against the running
 * application: Tasklist's filters, Camunda Forms, claiming and completing; Cockpit for the supervisor.
 */
class TasklistJourneyTest extends BrowserTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  JointApprovals approvals;
  @Autowired
  Events events;

  @AfterEach
  void forgetTheUser() {
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void theWindowStartsAJointApprovalFromTheStartFormAndAcceptsIt() {
    browser = Browser.open(port, "zh-CN");
    browser.login("tasklist", "window", "demo");
    Forms form = openStartForm("联合审批");
    form.select("matterType", "餐饮店开业一件事");
    form.type("projectName", "浏览器餐饮店开业");
    form.type("applicantName", "张三");
    form.type("applicantIdNumber", "11010519491231002X");
    form.type("applicantPhone", "13800138000");
    form.type("materials", "营业执照申请书\n场地使用证明");
    browser.clickable(By.cssSelector("button[ng-click='startProcessInstance()']")).click();
    browser.wait.until(driver -> engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("joint-approval")
        .variableValueEquals("projectName", "浏览器餐饮店开业").count() == 1);

    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("joint-approval")
        .variableValueEquals("projectName", "浏览器餐饮店开业").singleResult();
    assertThat(instance).isNotNull();
    assertThat(instance.getBusinessKey()).startsWith("LH-");

    openTask("本单位待办", "窗口受理：浏览器餐饮店开业");
    claim();
    assertThat(form.readOnlyValue("applicantName")).isEqualTo("张三");
    form.radio("acceptance", "受理");
    form.type("opinion", "材料齐全，予以受理");
    complete();

    List<Task> reviews = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("review").list();
    assertThat(reviews).hasSize(4);
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "acceptanceOpinion")).isEqualTo("材料齐全，予以受理");
    assertThat(browser.all(By.cssSelector(".create-task-action")).stream().noneMatch(WebElement::isDisplayed))
        .as("no free-standing tasks for clerks").isTrue();
  }

  @Test
  void theHotlineReportsAnEventFromTheStartForm() {
    browser = Browser.open(port, "zh-CN");
    browser.login("tasklist", "hotline", "demo");
    Forms form = openStartForm("四级联动");
    form.select("category", "噪声扰民");
    form.select("channel", "12345 热线");
    form.type("communityCode", "990101001001");
    form.type("address", "表单测试路5号");
    form.type("description", "夜间施工噪声");
    form.type("reporterName", "王先生");
    form.type("reporterPhone", "13900139001");
    browser.clickable(By.cssSelector("button[ng-click='startProcessInstance()']")).click();
    browser.wait.until(driver -> engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("escalation-chain")
        .variableValueEquals("address", "表单测试路5号").count() == 1);

    ProcessInstance event = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("escalation-chain")
        .variableValueEquals("address", "表单测试路5号").singleResult();
    assertThat(event.getBusinessKey()).startsWith("SJ-");
    assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("990101001001").processVariableValueEquals("eventNumber",
        event.getBusinessKey()).count()).isOne();
  }

  @Test
  void aClerkLandsOnTheUnitsWorkWithoutChoosingAFilter() {
    submitAndAccept("登录即见餐饮店");
    browser = Browser.open(port, "zh-CN");
    browser.login("tasklist", "market", "demo");

    browser.awaitText(By.cssSelector(".tasks-list"), "市场监管局审查：登录即见餐饮店");
    assertThat(browser.await(By.cssSelector(".task-filters .active, .task-filters .focused")).getText()).contains("待办");
    expectCountsOnEveryFilter("market");

    String review = engine.getTaskService().createTaskQuery().taskCandidateGroup("market").taskName("市场监管局审查：登录即见餐饮店")
        .singleResult().getId();
    engine.getTaskService().claim(review, "market");
    browser.clickable(By.xpath(filterXpath("我的待办"))).click();
    expectCountsOnEveryFilter("market");
  }

  /** Every filter of the list shows how many tasks it holds for the user, as the engine counts them. */
  private void expectCountsOnEveryFilter(String user) {
    Users.actAs(engine.getIdentityService(), user);
    Map<String, Long> counts = new java.util.LinkedHashMap<>();
    try {
      engine.getFilterService().createTaskFilterQuery().list().forEach(filter -> counts.put(filter.getName(), engine.getFilterService().count(filter.getId())));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(counts).containsKeys("待办", "我的待办", "本单位待办", "部门审查");
    assertThat(counts.get("待办")).isPositive();
    counts.forEach((name, count) -> browser.wait.until(
        ExpectedConditions.textToBe(By.xpath(filterXpath(name) + "/span[@class='jz-filter-count']"), String.valueOf(count))));
  }

  private static String filterXpath(String name) {
    return "//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[normalize-space(text()[1])='" + name + "']";
  }

  @Test
  void marketSeesAndCompletesItsReviewInTheForm() {
    String projectName = "市场监管浏览器测试店";
    ProcessInstance instance = submitAndAccept(projectName);
    browser = Browser.open(port, "zh-CN");
    browser.login("tasklist", "market", "demo");

    openTask("部门审查", "市场监管局审查：" + projectName);
    claim();
    Forms form = new Forms(browser);
    assertThat(form.readOnlyValue("projectName")).isEqualTo(projectName);
    form.radio("decision", "同意");
    form.type("opinion", "证照齐全，同意");
    complete();

    @SuppressWarnings("unchecked")
    Map<String, Object> review = (Map<String, Object>) engine.getRuntimeService().getVariable(instance.getId(), "review_market");
    assertThat(review).containsEntry("decision", "approved").containsEntry("reviewer", "market");
  }

  @Test
  void liuanClaimsAndEscalatesAnEvent() {
    ReportedEvent event = reportEvent();
    browser = Browser.open(port, "zh-CN");
    browser.login("tasklist", "liuan", "demo");

    openTask("事件处置", "柳岸社区处置：占道经营（浏览器测试路1号）");
    claim();
    Forms form = new Forms(browser);
    form.radio("action", "上报上一级");
    form.type("note", "商户拒不配合，请街道执法");
    complete();

    Task street = engine.getTaskService().createTaskQuery().taskDefinitionKey("handle")
        .processVariableValueEquals("eventNumber", event.eventNumber()).singleResult();
    assertThat(engine.getTaskService().getIdentityLinksForTask(street.getId())).extracting(link -> link.getGroupId())
        .contains("990101001000");
  }

  @Test
  void aSummonedDepartmentReportsOnSiteAndTheHotlineVisitsTheCitizen() {
    ReportedEvent event = reportEvent("吹哨测试路2号");
    browser = Browser.open(port, "zh-CN");
    browser.login("tasklist", "liuan", "demo");
    openTask("事件处置", "柳岸社区处置：占道经营（吹哨测试路2号）");
    claim();
    Forms form = new Forms(browser);
    form.radio("action", "吹哨（召集部门报到）");
    form.type("note", "请城管到现场执法");
    complete();
    browser.close();

    browser = Browser.open(port, "zh-CN");
    browser.login("tasklist", "urban", "demo");
    openTask("吹哨报到", "城市管理局报到：柳岸社区吹哨（占道经营）");
    claim();
    form = new Forms(browser);
    assertThat(form.readOnlyValue("address")).isEqualTo("吹哨测试路2号");
    form.type("reportNote", "已到场，责令摊贩撤离");
    complete();
    browser.close();

    browser = Browser.open(port, "zh-CN");
    browser.login("tasklist", "liuan", "demo");
    openTask("事件处置", "柳岸社区处置：占道经营（吹哨测试路2号）");
    claim();
    form = new Forms(browser);
    form.radio("action", "办结");
    form.type("note", "摊贩已撤离，道路畅通");
    complete();
    browser.close();

    browser = Browser.open(port, "zh-CN");
    browser.login("tasklist", "hotline", "demo");
    openTask("回访与派单", "回访：占道经营（" + event.eventNumber() + "）");
    claim();
    form = new Forms(browser);
    assertThat(form.readOnlyValue("note")).isEqualTo("摊贩已撤离，道路畅通");
    form.radio("satisfaction", "满意");
    form.radio("resolved", "已解决");
    form.type("visitNote", "市民表示满意");
    complete();

    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(event.processInstanceId()).singleResult()
        .getEndActivityId()).isEqualTo("closed");
  }

  @Test
  void theHotlineNamesTheOwnerOfASentBackEvent() {
    ReportedEvent event = reportEvent("退单测试路3号");
    browser = Browser.open(port, "zh-CN");
    browser.login("tasklist", "liuan", "demo");
    openTask("事件处置", "柳岸社区处置：占道经营（退单测试路3号）");
    claim();
    Forms form = new Forms(browser);
    form.radio("action", "退单（非本单位职责）");
    form.type("note", "该路段属荷塘社区");
    complete();
    browser.close();

    browser = Browser.open(port, "zh-CN");
    browser.login("tasklist", "hotline", "demo");
    openTask("回访与派单", "重新派单：占道经营（" + event.eventNumber() + "）");
    claim();
    form = new Forms(browser);
    assertThat(form.readOnlyValue("note")).isEqualTo("该路段属荷塘社区");
    form.type("ownerUnit", "990101001002");
    form.type("ownerReason", "核实后属荷塘社区");
    complete();

    Task hetang = engine.getTaskService().createTaskQuery().taskDefinitionKey("handle").taskCandidateGroup("990101001002")
        .processVariableValueEquals("eventNumber", event.eventNumber()).singleResult();
    assertThat(hetang).isNotNull();
  }

  @Test
  void theWindowIssuesTheResultAndTheSupervisorSupervisesAMissedLimit() {
    String projectName = "出件浏览器测试店";
    ProcessInstance instance = submitAndAccept(projectName);
    for (String department : List.of("market", "fire", "ecology", "urban")) {
      Users.actAs(engine.getIdentityService(), department);
      Task review = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup(department).singleResult();
      engine.getTaskService().complete(review.getId(), Map.of("decision", "approved", "opinion", department + " 同意"));
    }
    engine.getIdentityService().clearAuthentication();
    browser = Browser.open(port, "zh-CN");
    browser.login("tasklist", "window", "demo");
    openTask("窗口受理与出件", "出件：" + projectName);
    claim();
    Forms form = new Forms(browser);
    assertThat(form.readOnlyValue("resultSummary")).contains("准予");
    form.type("issueNote", "已通知申请人领取");
    complete();
    browser.close();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getEndActivityId()).isEqualTo("endApproved");

    String late = submit("督办浏览器测试店");
    Date due = (Date) engine.getRuntimeService().getVariable(late, "acceptanceDue");
    Clock.set(new Date(due.getTime() + 1000));
    try {
      engine.getManagementService().executeJob(engine.getManagementService().createJobQuery().processInstanceId(late).timers().singleResult().getId());
    } finally {
      Clock.reset();
    }
    browser = Browser.open(port, "zh-CN");
    browser.login("tasklist", "supervisor", "demo");
    openTask("督办件", "督办：窗口受理：督办浏览器测试店");
    claim();
    form = new Forms(browser);
    form.select("supervisionMeasure", "电话督促");
    form.type("supervisionNote", "已电话督促窗口当日受理");
    complete();

    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("supervision").processInstanceBusinessKey(
        (String) engine.getRuntimeService().getVariable(late, "caseNumber")).finished().count()).isOne();
  }

  @Test
  void aDepartmentsLeaderApprovesAnExtensionInTheForm() {
    String projectName = "延期浏览器测试店";
    ProcessInstance instance = submitAndAccept(projectName);
    String caseNumber = (String) engine.getRuntimeService().getVariable(instance.getId(), "caseNumber");
    Date due = fireReview(instance).getDueDate();
    Http.Response asked = new Http(port).post("fire", "/api/joint-approvals/" + caseNumber + "/extensions",
        "{\"scope\":\"review\",\"reason\":\"需现场核查消防设施\"}");
    assertThat(asked.status()).as(asked.body()).isEqualTo(200);

    asUser("fire-lead");
    openTask("本单位待办", "消防救援支队延期审批：" + projectName);
    claim();
    Forms form = new Forms(browser);
    assertThat(form.readOnlyValue("extensionReason")).isEqualTo("需现场核查消防设施");
    assertThat(form.readOnlyValue("extensionLength")).isEqualTo("10 个工作日");
    form.radio("extensionDecision", "批准延期");
    form.type("extensionOpinion", "同意延长");
    complete();

    assertThat(fireReview(instance).getDueDate()).as("the review's limit, extended").isAfter(due);
  }

  @Test
  void theAdjudicationGroupMeetsAndRulesADisputedEventAndTheCoHandlerReports() {
    EscalationDriver driver = new EscalationDriver(engine, events);
    ReportedEvent event = driver.report("hotline", "noise", EscalationDriver.LIUAN, false);
    driver.act("liuan", event, "sendBack", "噪声源位于荷塘社区");
    driver.decideOwner("hotline", event, "reroute", EscalationDriver.HETANG);
    driver.act("hetang", event, "sendBack", "噪声源在松林社区");
    driver.decideOwner("hotline", event, "reroute", EscalationDriver.SONGLIN);
    driver.act("songlin", event, "sendBack", "不在本社区");
    String about = "噪声扰民（" + event.eventNumber() + "）";

    asUser("adjudicator");
    openTask("疑难诉求裁定", "受理争议：" + about);
    claim();
    Forms form = new Forms(browser);
    assertThat(form.readOnlyValue("eventNumber")).isEqualTo(event.eventNumber());
    assertThat(form.readOnlyValue("parties")).isEqualTo(EscalationDriver.SONGLIN + ",ecology");
    complete();

    asUser("ecology");
    openTask("陈述与协办", "生态环境局陈述意见：" + about);
    claim();
    new Forms(browser).type("statement", "噪声源为施工工地，属生态环境局监管");
    complete();
    driver.complete("songlin", adjudicationTask(event, "statement"), Map.of("statement", "工地位于荷塘社区辖区"));

    asUser("adjudicator");
    openTask("疑难诉求裁定", "裁定责任单位：" + about);
    claim();
    form = new Forms(browser);
    assertThat(form.readOnlyValue("statementsSummary")).contains("【生态环境局】噪声源为施工工地");
    form.radio("rulingChoice", "先召开联席会议");
    complete();
    openTask("疑难诉求裁定", "联席会议：" + about);
    claim();
    form = new Forms(browser);
    form.type("meetingDate", "2026-12-01 14:30");
    form.type("meetingParticipants", "荷塘社区、生态环境局、松林社区");
    form.type("meetingMinutes", "噪声源位于荷塘社区辖区的工地，属地主办，生态环境局协助执法");
    complete();
    openTask("疑难诉求裁定", "裁定责任单位：" + about);
    claim();
    form = new Forms(browser);
    assertThat(form.readOnlyValue("meetingMinutes")).startsWith("噪声源位于荷塘社区辖区的工地");
    form.radio("rulingChoice", "裁定");
    form.type("ownerUnit", EscalationDriver.HETANG);
    form.check("coHandlerUnits", "生态环境局");
    form.type("rulingReason", "噪声源位于荷塘社区辖区，属地主办，生态环境局协助执法");
    complete();
    assertThat(driver.handleTask(event).getTaskDefinitionKey()).isEqualTo("handle");
    assertThat(engine.getTaskService().getIdentityLinksForTask(driver.handleTask(event).getId())).extracting(link -> link.getGroupId())
        .containsExactly(EscalationDriver.HETANG);

    asUser("ecology");
    openTask("陈述与协办", "生态环境局协办：" + about);
    claim();
    new Forms(browser).type("contribution", "已对工地夜间施工立案调查");
    complete();
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(event.processInstanceId())
        .taskDefinitionKey("coHandle").finished().count()).isOne();
  }

  /** A fresh browser logged into Tasklist as {@code user} (the one before, if any, closed). */
  private void asUser(String user) {
    if (browser != null) {
      browser.close();
    }
    browser = Browser.open(port, "zh-CN");
    browser.login("tasklist", user, "demo");
  }

  private Task fireReview(ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("review")
        .taskCandidateGroup("fire").singleResult();
  }

  private Task adjudicationTask(ReportedEvent event, String activity) {
    return engine.getTaskService().createTaskQuery().processDefinitionKey("adjudication").taskDefinitionKey(activity)
        .processVariableValueEquals("eventNumber", event.eventNumber()).singleResult();
  }

  @Test
  void theSupervisorSeesTheRunningInstancesInCockpit() {
    submitAndAccept("督查浏览器测试店");
    reportEvent();
    browser = Browser.open(port, "zh-CN");
    browser.login("cockpit", "supervisor", "demo");
    browser.awaitText(By.cssSelector("body"), "运行中的流程实例");

    browser.go("/camunda/app/cockpit/default/#/processes");
    browser.awaitText(By.cssSelector("body"), "联合审批");
    String page = browser.bodyText();
    assertThat(page).contains("联合审批", "四级联动", "分级处置");
    assertThat(page).doesNotContain("It is time to migrate");
  }

  @Test
  void anEnglishBrowserGetsEnglish() {
    browser = Browser.open(port, "en-US");
    browser.go("/camunda/app/tasklist/");
    browser.await(By.cssSelector("input[placeholder='Username']"));
    browser.close();

    browser = Browser.open(port, "zh-CN");
    browser.go("/camunda/app/tasklist/");
    browser.await(By.cssSelector("input[placeholder='用户名']"));
  }

  private Forms openStartForm(String processName) {
    browser.awaitText(By.cssSelector(".task-filters"), "本单位待办");
    browser.clickable(By.cssSelector(".start-process-action a")).click();
    browser.clickable(By.linkText(processName)).click();
    return new Forms(browser);
  }

  private void openTask(String filter, String taskName) {
    browser.clickable(By.xpath("//*[contains(@class,'task-filters')]//a[contains(normalize-space(.), '" + filter + "')]")).click();
    browser.click(By.xpath("//*[contains(@class,'tasks-list')]//a[contains(normalize-space(.), '" + taskName + "')]"));
    browser.awaitText(By.cssSelector(".task-details, [cam-tasklist-task]"), taskName);
  }

  private void claim() {
    browser.clickable(By.cssSelector("button.claim, [ng-click='claim()']")).click();
    browser.await(By.cssSelector("[ng-click='complete()']"));
  }

  /** Completes the open task; Tasklist then shows the empty task view again. */
  private void complete() {
    WebElement button = browser.clickable(By.cssSelector("button[ng-click='complete()']"));
    browser.script("arguments[0].click();", button);
    browser.awaitText(By.cssSelector("body"), "请在列表中选择一个任务");
  }

  /** A new case waiting for the window; its process instance id. */
  private String submit(String projectName) {
    Users.actAs(engine.getIdentityService(), "window");
    try {
      return approvals.submit(new ApplicationRequest("restaurant-opening", projectName,
          new ApplicationRequest.Applicant("张三", "11010519491231002X", null, "13800138000", null), List.of("营业执照申请书"))).processInstanceId();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private ProcessInstance submitAndAccept(String projectName) {
    String processInstanceId = submit(projectName);
    Users.actAs(engine.getIdentityService(), "window");
    Task acceptance = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult();
    engine.getTaskService().claim(acceptance.getId(), "window");
    engine.getTaskService().complete(acceptance.getId(), Map.of("acceptance", "accepted", "opinion", "受理"));
    engine.getIdentityService().clearAuthentication();
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
  }

  private ReportedEvent reportEvent() {
    return reportEvent("浏览器测试路1号");
  }

  private ReportedEvent reportEvent(String address) {
    Users.actAs(engine.getIdentityService(), "hotline");
    try {
      return events.report(new EventRequest("road-occupation", "浏览器测试：占道经营", "990101001001", address,
          new EventRequest.Reporter("李女士", "13900139000"), "hotline", false));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}

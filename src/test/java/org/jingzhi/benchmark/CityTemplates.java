package org.jingzhi.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jingzhi.approval.JointApprovalDriver;
import org.jingzhi.approval.JointApprovals;
import org.jingzhi.escalation.EscalationDriver;
import org.jingzhi.escalation.Events;
import org.jingzhi.escalation.ReportedEvent;
import org.jingzhi.support.Clock;
import org.jingzhi.support.OverdueWork;

/**
 * The cases and events the city's history is cloned from: each one driven through the real engine by
 * the demo users on the engine clock, along one of the paths a city sees, with a weight for how often
 * that path occurs. Ended ones are spread over the past two years, running ones over the last 20 days:
 * about 2 % of all cases are open, a few weeks of intake, as in a city that keeps up with its work.
 */
final class CityTemplates {

  /** A case or event to clone: its number, whether it is still running, and its share of the city. */
  record Template(String number, String path, boolean running, int weight) {
  }

  private static final String[] COMMUNITIES = {"990101001001", "990101001002", "990101002001", "990101002002", "990102001001",
      "990102001002", "990102002001", "990102002002"};
  private static final Map<String, String> COMMUNITY_USERS = Map.of("990101001001", "liuan", "990101001002", "hetang",
      "990102001001", "songlin");

  private final ProcessEngine engine;
  private final JointApprovalDriver approvals;
  private final EscalationDriver events;
  private final List<Template> templates = new ArrayList<>();

  CityTemplates(ProcessEngine engine, JointApprovals jointApprovals, Events eventService) {
    this.engine = engine;
    this.approvals = new JointApprovalDriver(engine, jointApprovals);
    this.events = new EscalationDriver(engine, eventService);
  }

  List<Template> create() {
    try {
      jointApprovals();
      events();
    } finally {
      Clock.reset();
    }
    return templates;
  }

  private void jointApprovals() {
    start();
    ProcessInstance approved = approvals.submit("restaurant-opening", "城市样本餐饮店开业");
    later(1);
    approvals.accept(approved);
    later(26);
    approvals.approve(approved, "market", "urban", "ecology");
    later(48);
    approvals.approve(approved, "fire");
    later(20);
    approvals.issueResult(approved);
    ended(approvals.caseNumber(approved), "restaurant approved", 100);

    start();
    ProcessInstance construction = approvals.submit("construction-permit", "城市样本厂房建设");
    later(2);
    approvals.accept(construction);
    later(50);
    approvals.approve(construction, "housing", "transport", "ecology");
    later(70);
    approvals.approve(construction, "planning", "fire");
    later(24);
    approvals.issueResult(construction);
    ended(approvals.caseNumber(construction), "construction permit approved", 40);

    start();
    ProcessInstance supplemented = approvals.submit("restaurant-opening", "城市样本补正餐饮店");
    later(1);
    approvals.accept(supplemented);
    later(24);
    approvals.approve(supplemented, "market", "urban");
    approvals.review(supplemented, "fire", "supplement", "消防设施不完整", "消防设施平面图");
    later(4);
    approvals.approve(supplemented, "ecology");
    later(24 * 6);
    approvals.supplement(approvals.caseNumber(supplemented), "消防设施平面图");
    later(30);
    approvals.approve(supplemented, "fire");
    later(20);
    approvals.issueResult(supplemented);
    ended(approvals.caseNumber(supplemented), "restaurant supplemented once", 30);

    start();
    ProcessInstance late = approvals.submit("restaurant-opening", "城市样本超期餐饮店");
    later(1);
    approvals.accept(late);
    later(24);
    approvals.approve(late, "market", "urban", "fire");
    later(24 * 9);
    OverdueWork.fireDueTimers(engine, late.getId());
    later(2);
    completeSupervision(approvals.caseNumber(late));
    later(20);
    approvals.review(late, "ecology", "rejected", "位于禁止餐饮经营区域", null);
    later(5);
    approvals.issueResult(late);
    ended(approvals.caseNumber(late), "restaurant late, supervised, rejected", 20);

    start();
    ProcessInstance reviewing = approvals.submit("restaurant-opening", "城市样本审查中餐饮店");
    later(1);
    approvals.accept(reviewing);
    later(20);
    approvals.approve(reviewing, "market");
    running(approvals.caseNumber(reviewing), "restaurant under review", 3);

    start();
    ProcessInstance overdue = approvals.submit("clinic-opening", "城市样本超期诊所");
    later(1);
    approvals.accept(overdue);
    later(24 * 9);
    OverdueWork.fireDueTimers(engine, overdue.getId());
    running(approvals.caseNumber(overdue), "clinic overdue under supervision", 1);

    start();
    ProcessInstance atWindow = approvals.submit("clinic-opening", "城市样本待受理诊所");
    running(approvals.caseNumber(atWindow), "clinic at the window", 1);
  }

  private void events() {
    for (String community : COMMUNITIES) {
      start();
      ReportedEvent event = events.report("hotline", "road-occupation", community, false);
      later(1);
      events.act(userOf(community), event, "resolve", "已劝离占道商户，恢复通行");
      later(24);
      events.returnVisit(event, "satisfied", "yes");
      ended(event.eventNumber(), "resolved at community " + community, 40);
    }

    start();
    ReportedEvent urgent = events.report("hotline", "garbage", EscalationDriver.LIUAN, true);
    later(2);
    events.act("liuan", urgent, "resolve", "已清运");
    later(5);
    events.returnVisit(urgent, "basicallySatisfied", "yes");
    ended(urgent.eventNumber(), "urgent, resolved at community", 50);

    start();
    ReportedEvent summoned = events.report("hotline", "illegal-construction", EscalationDriver.LIUAN, false);
    later(3);
    events.summon("hubin", summoned, "urban,planning");
    later(5);
    for (Task report : events.reportTasks(summoned)) {
      events.reportOnSite(groupOf(report), report);
    }
    later(24);
    events.act("hubin", summoned, "resolve", "联合执法拆除违建");
    later(24);
    events.returnVisit(summoned, "basicallySatisfied", "yes");
    ended(summoned.eventNumber(), "street summons departments", 80);

    start();
    ReportedEvent missed = events.report("hotline", "road-occupation", EscalationDriver.HETANG, false);
    fireLevelTimer(missed);
    fireLevelTimer(missed);
    later(5);
    events.act("donghu", missed, "resolve", "区城管执法局处置完毕");
    later(24);
    events.returnVisit(missed, "satisfied", "yes");
    ended(missed.eventNumber(), "missed limits up to the district", 30);

    start();
    ReportedEvent sentBack = events.report("hotline", "noise", EscalationDriver.LIUAN, false);
    later(2);
    events.act("liuan", sentBack, "sendBack", "噪声源位于荷塘社区");
    later(1);
    events.decideOwner("hotline", sentBack, "reroute", EscalationDriver.HETANG);
    later(20);
    events.act("hetang", sentBack, "resolve", "已协调夜间停工");
    later(24);
    events.returnVisit(sentBack, "unsatisfied", "no");
    later(30);
    events.act("hetang", sentBack, "resolve", "安装隔音设施并约定施工时间");
    later(24);
    events.returnVisit(sentBack, "satisfied", "yes");
    ended(sentBack.eventNumber(), "sent back, rerouted, handled again", 50);

    start();
    ReportedEvent twiceUnsatisfied = events.report("hotline", "road-occupation", EscalationDriver.SONGLIN, false);
    later(1);
    events.act("songlin", twiceUnsatisfied, "resolve", "已劝离");
    later(24);
    events.returnVisit(twiceUnsatisfied, "unsatisfied", "no");
    later(20);
    events.act("songlin", twiceUnsatisfied, "resolve", "再次劝离");
    later(24);
    events.returnVisit(twiceUnsatisfied, "unsatisfied", "no");
    later(30);
    events.act("shanqian", twiceUnsatisfied, "resolve", "街道执法队取缔占道摊点");
    later(24);
    events.returnVisit(twiceUnsatisfied, "satisfied", "yes");
    ended(twiceUnsatisfied.eventNumber(), "unsatisfied twice, moved up", 20);

    start();
    ReportedEvent escalated = events.report("hotline", "road-occupation", EscalationDriver.LIUAN, false);
    later(3);
    events.act("liuan", escalated, "escalate", "占道商户拒不配合，需街道执法力量");
    later(6);
    events.act("hubin", escalated, "resolve", "街道执法队处置完毕");
    later(24);
    events.returnVisit(escalated, "unreachable", null);
    ended(escalated.eventNumber(), "escalated by hand, caller unreachable", 40);

    start();
    ReportedEvent open = events.report("hotline", "road-occupation", EscalationDriver.LIUAN, false);
    running(open.eventNumber(), "open at the community", 4);

    start();
    ReportedEvent waiting = events.report("hotline", "illegal-construction", EscalationDriver.HETANG, false);
    later(2);
    events.summon("hubin", waiting, "urban,planning");
    running(waiting.eventNumber(), "waiting for summoned departments", 1);

    start();
    ReportedEvent toVisit = events.report("hotline", "noise", EscalationDriver.LIUAN, false);
    later(4);
    events.act("liuan", toVisit, "resolve", "已协调");
    running(toVisit.eventNumber(), "waiting for the return visit", 2);

    start();
    ReportedEvent atCity = events.report("hotline", "road-occupation", EscalationDriver.SONGLIN, false);
    for (int level = 0; level < 4; level++) {
      fireLevelTimer(atCity);
    }
    OverdueWork.fireDueTimers(engine, atCity.processInstanceId());
    running(atCity.eventNumber(), "missed every limit, supervised at the city", 1);
  }

  private void fireLevelTimer(ReportedEvent event) {
    Date due = events.levelTimer(event).getDuedate();
    Clock.set(Date.from(due.toInstant().plusSeconds(60)));
    events.fire(events.levelTimer(event));
  }

  private void completeSupervision(String number) {
    Task supervision = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number).processDefinitionKey("supervision")
        .singleResult();
    approvals.complete("supervisor", supervision, Map.of("supervisionMeasure", "phone", "supervisionNote", "已电话督促当日办结"));
  }

  private String groupOf(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream().filter(link -> link.getGroupId() != null)
        .findFirst().orElseThrow().getGroupId();
  }

  private static String userOf(String community) {
    return COMMUNITY_USERS.getOrDefault(community, "u" + community);
  }

  /** Every template starts on the same Monday morning; the cloner moves each copy to its own time. */
  private static void start() {
    Clock.set(2026, 6, 1, 9, 0);
  }

  private static void later(int hours) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(hours))));
  }

  private void ended(String number, String path, int weight) {
    templates.add(new Template(number, path, false, weight));
  }

  private void running(String number, String path, int weight) {
    templates.add(new Template(number, path, true, weight));
  }
}

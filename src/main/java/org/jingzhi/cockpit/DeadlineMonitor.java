package org.jingzhi.cockpit;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jingzhi.approval.JointApprovalProcess;
import org.jingzhi.approval.MatterCatalogue;
import org.jingzhi.calendar.CalendarProperties;
import org.jingzhi.calendar.WorkingDayCalendar;
import org.jingzhi.calendar.WorkingDays;
import org.jingzhi.escalation.EscalationProcess;
import org.jingzhi.escalation.EventCatalogue;
import org.jingzhi.notice.NoticeKind;
import org.jingzhi.organization.Organization;
import org.jingzhi.supervision.OverdueSupervision;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The SLA monitor 「时限监控」: open tasks by due date, with how late, the reminder and the supervision case. */
@Component
class DeadlineMonitor {

  /** A level's business key is "SJ-… · 柳岸社区"; the case or event number is its first part. */
  static final String KEY_SEPARATOR = " · ";

  private static final String FROM = """
      FROM ACT_RU_TASK t JOIN ACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_ JOIN ACT_RU_EXECUTION p ON p.ID_ = t.PROC_INST_ID_
      LEFT JOIN ACT_RU_IDENTITYLINK l ON l.TASK_ID_ = t.ID_ AND l.TYPE_ = 'candidate' AND l.GROUP_ID_ IS NOT NULL
      WHERE t.DUE_DATE_ IS NOT NULL AND t.DUE_DATE_ >= ? AND t.DUE_DATE_ < ? AND d.KEY_ IN (%s)%s""";
  private static final String PAGE = """
      SELECT t.ID_, t.NAME_, t.DUE_DATE_, t.PROC_INST_ID_, d.KEY_, p.BUSINESS_KEY_, COALESCE(l.GROUP_ID_, t.ASSIGNEE_) AS UNIT_""";
  /**
   * The details of the page's tasks only: PostgreSQL computes a select list for the rows an OFFSET skips
   * too, so they are asked for around the page, not in it.
   */
  private static final String DETAILS = """
      SELECT g.*,
        (SELECT COUNT(*) FROM jz_notice n WHERE n.process_instance_id = g.PROC_INST_ID_ AND n.kind = ? AND n.recipient = g.UNIT_) AS REMINDERS_,
        (SELECT MAX(v.LONG_) FROM ACT_RU_VARIABLE v WHERE v.PROC_INST_ID_ = g.PROC_INST_ID_ AND v.NAME_ = ?) AS URGENT_,
        (SELECT MAX(v.TEXT_) FROM ACT_RU_VARIABLE v WHERE v.EXECUTION_ID_ = g.PROC_INST_ID_ AND v.NAME_ IN (?, ?)) AS LEVEL_,
        (SELECT MAX(v.TEXT_) FROM ACT_RU_VARIABLE v WHERE v.EXECUTION_ID_ = g.PROC_INST_ID_ AND v.NAME_ IN (?, ?)) AS CATEGORY_,
        (SELECT MAX(v.TEXT_) FROM ACT_RU_VARIABLE v WHERE v.EXECUTION_ID_ = g.PROC_INST_ID_ AND v.NAME_ IN (?, ?)) AS CATEGORY_NAME_
      FROM (%s) g ORDER BY %s""";
  /** A task whose process instance has one of two variables (the level's own or the event's, the event's or the case's) at a value. */
  private static final String VARIABLE_IS = " AND EXISTS (SELECT 1 FROM ACT_RU_VARIABLE f WHERE f.EXECUTION_ID_ = t.PROC_INST_ID_"
      + " AND f.NAME_ IN (?, ?) AND f.TEXT_ = ?)";
  /** A task whose unit got a 催办 in its process instance since a moment. */
  private static final String REMINDED_SINCE = " AND EXISTS (SELECT 1 FROM jz_notice r WHERE r.process_instance_id = t.PROC_INST_ID_"
      + " AND r.kind = ? AND r.recipient = COALESCE(l.GROUP_ID_, t.ASSIGNEE_) AND r.created_at >= ?)";
  private static final List<String> LEVEL = List.of(EscalationProcess.LEVEL, EscalationProcess.CURRENT_LEVEL);
  private static final List<String> CATEGORY = List.of(EscalationProcess.CATEGORY, JointApprovalProcess.MATTER_TYPE);
  private static final List<String> CATEGORY_NAME = List.of(EscalationProcess.CATEGORY_NAME, JointApprovalProcess.MATTER_NAME);
  private static final String OPEN_SUPERVISION = """
      SELECT s.BUSINESS_KEY_, v.TEXT_ FROM ACT_RU_EXECUTION s JOIN ACT_RE_PROCDEF d ON d.ID_ = s.PROC_DEF_ID_
      JOIN ACT_RU_VARIABLE v ON v.PROC_INST_ID_ = s.ID_ AND v.NAME_ = 'overdueUnit'
      WHERE d.KEY_ = ? AND s.ID_ = s.PROC_INST_ID_ AND s.BUSINESS_KEY_ IN (%s)""";

  private final JdbcTemplate jdbc;
  private final Organization organization;
  private final WorkingDays workingDays;
  private final WorkingDayCalendar calendar;
  private final EventCatalogue events;
  private final MatterCatalogue matters;
  private final ZoneId zone;

  DeadlineMonitor(JdbcTemplate jdbc, Organization organization, WorkingDays workingDays, WorkingDayCalendar calendar, EventCatalogue events,
                  MatterCatalogue matters, CalendarProperties calendarProperties) {
    this.zone = calendarProperties.getZone();
    this.jdbc = jdbc;
    this.organization = organization;
    this.workingDays = workingDays;
    this.calendar = calendar;
    this.events = events;
    this.matters = matters;
  }

  /** What the category filter offers: the event categories, then the matters, as the catalogues list them. */
  List<Category> categories() {
    List<Category> categories = new ArrayList<>();
    for (String code : events.categories()) {
      categories.add(new Category(code, events.category(code).map(row -> (String) row.get(EscalationProcess.CATEGORY_NAME)).orElse(code)));
    }
    for (String type : matters.types()) {
      categories.add(new Category(type, matters.find(type).map(MatterCatalogue.Matter::name).orElse(type)));
    }
    return categories;
  }

  /** One page of the work the filter asks for; {@code categories}: what the filter offers, shown with it. */
  DeadlinePage page(DeadlineFilter filter, List<Category> categories) {
    Date now = ClockUtil.getCurrentTime();
    Date from = filter.state() == DeadlineFilter.State.SOON ? now : new Date(0);
    Date until = filter.state() == DeadlineFilter.State.OVERDUE ? now : Date.from(now.toInstant().plus(Duration.ofHours(filter.windowHours())));
    List<Object> arguments = new ArrayList<>(List.of(new Timestamp(from.getTime()), new Timestamp(until.getTime())));
    arguments.addAll(filter.processKeys());
    String conditions = "";
    if (filter.unit() != null) {
      conditions += " AND COALESCE(l.GROUP_ID_, t.ASSIGNEE_) = ?";
      arguments.add(filter.unit());
    }
    if (filter.category() != null) {
      conditions += VARIABLE_IS;
      arguments.addAll(List.of(CATEGORY.get(0), CATEGORY.get(1), filter.category()));
    }
    if (filter.level() != null) {
      conditions += VARIABLE_IS;
      arguments.addAll(List.of(LEVEL.get(0), LEVEL.get(1), filter.level()));
    }
    if (filter.remindedToday()) {
      conditions += REMINDED_SINCE;
      arguments.addAll(List.of(NoticeKind.REMINDER.name(), new Timestamp(SupervisionDashboard.startOfDay(now, zone).getTime())));
    }
    String fromClause = " " + FROM.formatted(String.join(", ", filter.processKeys().stream().map(key -> "?").toList()), conditions);
    Long total = jdbc.queryForObject("SELECT COUNT(*)" + fromClause, Long.class, arguments.toArray());

    List<Object> pageArguments = new ArrayList<>(List.of(NoticeKind.REMINDER.name(), EscalationProcess.URGENT));
    pageArguments.addAll(LEVEL);
    pageArguments.addAll(CATEGORY);
    pageArguments.addAll(CATEGORY_NAME);
    pageArguments.addAll(arguments);
    pageArguments.add(filter.maxResults());
    pageArguments.add(filter.firstResult());
    String direction = filter.descending() ? " DESC" : "";
    String page = PAGE + fromClause + " ORDER BY " + filter.sort().column + direction + ", t.ID_" + direction + " LIMIT ? OFFSET ?";
    String sql = " " + DETAILS.formatted(page, filter.sort().pageColumn + direction + ", g.ID_" + direction);
    List<DeadlineRow> rows = jdbc.query(sql, (row, index) -> {
      String businessKey = row.getString("BUSINESS_KEY_");
      String number = businessKey == null ? null : businessKey.split(KEY_SEPARATOR, 2)[0];
      String unit = row.getString("UNIT_");
      Date due = new Date(row.getTimestamp("DUE_DATE_").getTime());
      String key = row.getString("KEY_");
      return new DeadlineRow(row.getString("ID_"), row.getString("PROC_INST_ID_"), number,
          DeadlineFilter.processOf(key), unit, unit == null ? null : organization.shortName(unit),
          row.getString("NAME_"), due, due.before(now), due.before(now) ? calendar.workingDaysBetween(workingDays.dayOf(due), workingDays.dayOf(now)) : 0,
          due.before(now) ? Duration.between(due.toInstant(), now.toInstant()).toHours() : 0, row.getLong("URGENT_") == 1,
          row.getLong("REMINDERS_") > 0, false, row.getString("LEVEL_"), row.getString("CATEGORY_"), row.getString("CATEGORY_NAME_"));
    }, pageArguments.toArray());
    Set<String> supervised = openSupervision(rows);
    rows = rows.stream().map(row -> supervised.contains(row.number() + "\n" + row.unit()) ? row.withSupervisionOpen() : row).toList();
    return new DeadlinePage(total == null ? 0 : total, filter.firstResult(), filter.maxResults(), now, rows, categories);
  }

  /** "case number \n unit" of the running supervision cases of the page's cases and events. */
  private Set<String> openSupervision(List<DeadlineRow> rows) {
    List<String> numbers = rows.stream().map(DeadlineRow::number).filter(Objects::nonNull).distinct().toList();
    Set<String> open = new HashSet<>();
    if (numbers.isEmpty()) {
      return open;
    }
    List<Object> arguments = new ArrayList<>(List.of(OverdueSupervision.SUPERVISION_PROCESS));
    arguments.addAll(numbers);
    jdbc.query(OPEN_SUPERVISION.formatted(String.join(", ", numbers.stream().map(number -> "?").toList())), row -> {
      open.add(row.getString(1) + "\n" + row.getString(2));
    }, arguments.toArray());
    return open;
  }

  /**
   * One open task: {@code lateWorkingDays} and {@code lateHours} count from its due date to now while it is
   * overdue; {@code level} (community, street, district, city) for the escalation chain's work; {@code category}
   * the event category or the matter.
   */
  record DeadlineRow(String taskId, String processInstanceId, String number, String process, String unit, String unitName, String task,
                     Date dueDate, boolean overdue, int lateWorkingDays, long lateHours, boolean urgent, boolean reminderSent,
                     boolean supervisionOpen, String level, String category, String categoryName) {

    DeadlineRow withSupervisionOpen() {
      return new DeadlineRow(taskId, processInstanceId, number, process, unit, unitName, task, dueDate, overdue, lateWorkingDays, lateHours,
          urgent, reminderSent, true, level, category, categoryName);
    }
  }

  /** One page of the list, and the categories the filter offers. */
  record DeadlinePage(long total, int firstResult, int maxResults, Date at, List<DeadlineRow> rows, List<Category> categories) {
  }

  /** An event category or a matter: its code and its name. */
  record Category(String code, String name) {
  }
}

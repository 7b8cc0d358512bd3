package org.jingzhi.cockpit;

import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jingzhi.calendar.CalendarProperties;
import org.jingzhi.deadlines.DeadlineChanges;
import org.jingzhi.notice.Notice;
import org.jingzhi.notice.Notices;
import org.jingzhi.organization.Organization;
import org.jingzhi.supervision.OverdueRecords;
import org.jingzhi.supervision.OverdueSupervision;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit trail 「案件轨迹」 of a case or event, running or ended, from engine history and our own
 * records: every process instance under its number (the case, each level of an event, its 督办件).
 */
@Component
class CaseTrail {

  private static final Map<Notice.Channel, String> DELIVERY = Map.of(Notice.Channel.IN_APP, "平台通知", Notice.Channel.SMS, "短信",
      Notice.Channel.EMAIL, "邮件", Notice.Channel.NONE, "未留联系方式");
  private static final Map<Notice.Status, String> STATE = Map.of(Notice.Status.PENDING, "待发送", Notice.Status.SENT, "已发出",
      Notice.Status.FAILED, "发送失败，重试中", Notice.Status.GIVEN_UP, "未送达");

  static final Pattern NUMBER = Pattern.compile("(LH|SJ)-\\d{8}-\\d{6}");
  static final String JOINT_APPROVAL_PREFIX = "LH-";

  /** The instances started under the number (the case or event, its 督办件) and every instance they called (an event's levels). */
  private static final String INSTANCES = """
      SELECT ID_, PROC_DEF_KEY_, START_TIME_, END_TIME_ FROM ACT_HI_PROCINST
      WHERE ROOT_PROC_INST_ID_ IN (SELECT r.ID_ FROM ACT_HI_PROCINST r WHERE r.BUSINESS_KEY_ = ?)
      ORDER BY CASE WHEN BUSINESS_KEY_ = ? AND PROC_DEF_KEY_ <> ? AND ID_ = ROOT_PROC_INST_ID_ THEN 0 ELSE 1 END, START_TIME_""";
  private static final String TASKS = """
      SELECT t.ACT_INST_ID_, t.NAME_, t.START_TIME_, t.END_TIME_, t.DUE_DATE_, t.ASSIGNEE_, t.DELETE_REASON_,
        (SELECT MIN(i.GROUP_ID_) FROM ACT_HI_IDENTITYLINK i WHERE i.TASK_ID_ = t.ID_ AND i.TYPE_ = 'candidate'
          AND i.GROUP_ID_ IS NOT NULL) AS UNIT_,
        (SELECT MIN(i.TIMESTAMP_) FROM ACT_HI_IDENTITYLINK i WHERE i.TASK_ID_ = t.ID_ AND i.TYPE_ = 'assignee'
          AND i.OPERATION_TYPE_ = 'add') AS CLAIMED_,
        (SELECT MIN(o.USER_ID_) FROM ACT_HI_OP_LOG o WHERE o.TASK_ID_ = t.ID_ AND o.OPERATION_TYPE_ = 'Complete') AS COMPLETED_BY_
      FROM ACT_HI_TASKINST t WHERE t.PROC_INST_ID_ = ?""";
  /**
   * What users answered in the forms of the processes, in the order a reader wants it; the values a task
   * submitted are the variables of its own activity instance.
   */
  static final List<String> ANSWERS = List.of("acceptance", "decision", "action", "opinion", "note", "missingMaterials", "ownerUnit",
      "ownerReason", "reportNote", "satisfaction", "resolved", "visitNote", "issueNote", "supervisionMeasure", "supervisionNote",
      "parties", "statement", "meetingDate", "meetingParticipants", "meetingMinutes", "rulingChoice", "rulingReason", "precedentKeywords",
      "contribution", "extensionReason", "extensionDecision", "extensionOpinion");
  private static final String ANSWER_VALUES = " SELECT ACT_INST_ID_, NAME_, TEXT_ FROM ACT_HI_VARINST WHERE PROC_INST_ID_ = ?"
      + " AND ACT_INST_ID_ <> PROC_INST_ID_ AND VAR_TYPE_ = 'string' AND NAME_ IN (" + String.join(", ", ANSWERS.stream().map(name -> "?").toList())
      + ")";
  private static final String TIMERS = """
      SELECT ACT_NAME_, ACT_ID_, START_TIME_ FROM ACT_HI_ACTINST WHERE PROC_INST_ID_ = ?
      AND ACT_TYPE_ IN ('boundaryTimer', 'intermediateTimer', 'startTimerEvent')""";

  private final JdbcTemplate jdbc;
  private final Notices notices;
  private final OverdueRecords overdueRecords;
  private final DeadlineChanges deadlineChanges;
  private final Organization organization;
  private final DateTimeFormatter minutes;

  CaseTrail(JdbcTemplate jdbc, Notices notices, OverdueRecords overdueRecords, DeadlineChanges deadlineChanges, Organization organization,
            CalendarProperties calendar) {
    this.minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(calendar.getZone());
    this.deadlineChanges = deadlineChanges;
    this.jdbc = jdbc;
    this.notices = notices;
    this.overdueRecords = overdueRecords;
    this.organization = organization;
  }

  Trail of(String number) {
    String wanted = number == null ? "" : number.trim();
    if (!NUMBER.matcher(wanted).matches()) {
      throw OverseerResource.badRequest("编号应为 LH-yyyyMMdd-nnnnnn（联合审批）或 SJ-yyyyMMdd-nnnnnn（诉求事件），收到："
          + (wanted.length() > 40 ? wanted.substring(0, 40) + "…" : wanted));
    }
    List<Instance> instances = jdbc.query(INSTANCES, (row, index) -> new Instance(row.getString(1), row.getString(2),
        date(row.getTimestamp(3)), date(row.getTimestamp(4))), wanted, wanted, OverdueSupervision.SUPERVISION_PROCESS);
    if (instances.isEmpty()) {
      throw OverseerResource.notFound("没有编号为 " + wanted + " 的案件或事件");
    }
    List<TrailEntry> entries = new ArrayList<>();
    for (Instance instance : instances) {
      Map<String, List<TrailEntry.Answer>> answers = answers(instance.id());
      entries.addAll(jdbc.query(TASKS, (row, index) -> {
        String unit = row.getString("UNIT_");
        String assignee = row.getString("ASSIGNEE_");
        Date ended = date(row.getTimestamp("END_TIME_"));
        String reason = row.getString("DELETE_REASON_");
        boolean completed = ended != null && (reason == null || "completed".equals(reason));
        // the user who completed it, from the operation log; a task completed without a login shows its assignee
        String completedBy = row.getString("COMPLETED_BY_") != null ? row.getString("COMPLETED_BY_") : assignee;
        return TrailEntry.task(date(row.getTimestamp("START_TIME_")), row.getString("NAME_"), unit, name(unit), assignee,
            date(row.getTimestamp("CLAIMED_")), completed ? completedBy : null, ended, date(row.getTimestamp("DUE_DATE_")),
            completed ? null : reason, answers.getOrDefault(row.getString("ACT_INST_ID_"), List.of()));
      }, instance.id()));
      entries.addAll(jdbc.query(TIMERS, (row, index) -> TrailEntry.timer(date(row.getTimestamp(3)),
          row.getString(1) != null ? row.getString(1) : row.getString(2)), instance.id()));
    }
    for (Notice notice : notices.ofCase(wanted)) {
      boolean toUnit = Notice.UNIT.equals(notice.recipientKind());
      String to = toUnit ? name(notice.recipient()) : Notice.APPLICANT.equals(notice.recipientKind()) ? "申请人" : "反映人";
      entries.add(TrailEntry.notice(notice.createdAt(), notice.title(), toUnit ? notice.recipient() : notice.recipientKind(),
          to + "（" + DELIVERY.get(notice.channel()) + "，" + STATE.get(notice.status()) + "）", notice.shownBody()));
    }
    overdueRecords.ofCase(wanted).forEach(record -> entries.add(TrailEntry.overdue(record.recordedAt(), record.subject(), record.unit(),
        name(record.unit()), record.dueAt())));
    deadlineChanges.ofCase(wanted).forEach(change -> entries.add(TrailEntry.deadlineMoved(change.changedAt(), change.subject(),
        "原期限 " + minutes.format(change.from().toInstant()) + " → " + minutes.format(change.to().toInstant()) + "：" + change.cause()
            + "（" + change.changedBy() + "）", change.to())));
    // tasks created at the same moment (a case accepted and its reviews opened): the one completed first comes first
    entries.sort(Comparator.comparing(TrailEntry::at, Comparator.nullsLast(Comparator.<Date>naturalOrder()))
        .thenComparing(TrailEntry::completedAt, Comparator.nullsLast(Comparator.<Date>naturalOrder())));
    Instance main = instances.get(0);  // the case or event itself: its own number, not a level's, not its 督办件
    return new Trail(wanted, main.id(), main.processKey(), main.started(), main.ended(), entries);
  }

  /** The answers of each task of the instance, by its activity instance, in the order of {@link #ANSWERS}. */
  private Map<String, List<TrailEntry.Answer>> answers(String processInstanceId) {
    Map<String, Map<String, String>> values = new HashMap<>();
    List<Object> arguments = new ArrayList<>(List.of(processInstanceId));
    arguments.addAll(ANSWERS);
    jdbc.query(ANSWER_VALUES, row -> {
      if (row.getString(3) != null && !row.getString(3).isBlank()) {
        values.computeIfAbsent(row.getString(1), id -> new HashMap<>()).put(row.getString(2), row.getString(3));
      }
    }, arguments.toArray());
    Map<String, List<TrailEntry.Answer>> answers = new HashMap<>();
    values.forEach((activityInstance, byName) -> answers.put(activityInstance, ANSWERS.stream().filter(byName::containsKey)
        .map(name -> new TrailEntry.Answer(name, "ownerUnit".equals(name) ? name(byName.get(name)) : byName.get(name))).toList()));
    return answers;
  }

  private String name(String unit) {
    return unit == null ? null : organization.shortName(unit);
  }

  private static Date date(Timestamp timestamp) {
    return timestamp == null ? null : new Date(timestamp.getTime());
  }

  private record Instance(String id, String processKey, Date started, Date ended) {
  }

  /** The case or event: its own process instance, when it started and ended (null while running), and its story. */
  public record Trail(String number, String processInstanceId, String process, Date startedAt, Date endedAt, List<TrailEntry> entries) {
  }
}

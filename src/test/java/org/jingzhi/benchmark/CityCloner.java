package org.jingzhi.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jingzhi.benchmark.CityTemplates.Template;

/**
 * Copies the templates' rows, in the engine's tables and ours, into a city's volume with SQL on
 * PostgreSQL: copy n of a case gets ids with the suffix ":n", its own number (the date it started and
 * a sequence) and its times moved by its own offset. Ended copies end over the past two years (the last
 * weeks included), running copies start over the last 20 days, so their deadlines fall before and after now as in a city.
 * Not copied: the variable-change log ({@code ACT_HI_DETAIL}) and the job log, which no supervisor's
 * page reads and which would double the load's time and size.
 */
final class CityCloner {

  static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(CITY);

  /** Columns that hold the id of a row of the copied case: each copy gets its own. */
  private static final Set<String> ID_COLUMNS = Set.of("id_", "proc_inst_id_", "root_proc_inst_id_", "execution_id_", "parent_id_",
      "super_exec_", "super_process_instance_id_", "parent_act_inst_id_", "act_inst_id_", "task_id_", "bytearray_id_", "var_inst_id_",
      "call_proc_inst_id_", "process_instance_id_", "exception_stack_id_", "job_exception_stack_id_", "job_id_", "cause_incident_id_",
      "root_cause_incident_id_", "var_scope_", "parent_task_id_", "operation_id_", "dec_inst_id_", "root_dec_inst_id_",
      "process_instance_id", "task_id");
  /** Keys that are unique whatever they name (a notice's once-only key, 300 characters): each copy's gets its suffix. */
  private static final Set<String> KEY_COLUMNS = Set.of("idempotency_key");
  /** Text columns that may carry the case number. */
  private static final Set<String> NUMBER_COLUMNS = Set.of("business_key_", "text_", "name_", "description_", "case_number", "title",
      "body", "subject", "orig_value_", "new_value_", "message_");
  /** Runtime tables, joined to the copy by their process instance; in the order of their foreign keys. */
  private static final List<List<String>> RUNTIME = List.of(List.of("act_ru_execution", "proc_inst_id_"),
      List.of("act_ru_task", "proc_inst_id_"), List.of("act_ru_variable", "proc_inst_id_"), List.of("act_ru_event_subscr", "proc_inst_id_"),
      List.of("act_ru_job", "process_instance_id_"), List.of("act_ru_incident", "proc_inst_id_"));

  private final Connection db;
  private final Random random = new Random(12345);

  CityCloner(Connection db) {
    this.db = db;
  }

  /**
   * Copies the templates until there are at least {@code cases} cases and events and at least
   * {@code historicTasks} historic tasks (whichever needs more copies); answers the rows added per table.
   */
  Map<String, Long> cloneInto(List<Template> templates, int cases, long historicTasks, Instant now) throws SQLException {
    Map<String, Long> before = rowCounts();
    execute("DROP TABLE IF EXISTS jz_bench_copy, jz_bench_family, jz_bench_roots, jz_bench_instances, jz_bench_bytes");
    execute("CREATE TABLE jz_bench_family (number VARCHAR(64), instance_id VARCHAR(64), root_id VARCHAR(64))");
    try (PreparedStatement family = db.prepareStatement("""
        INSERT INTO jz_bench_family SELECT root.BUSINESS_KEY_, p.ID_, p.ROOT_PROC_INST_ID_
        FROM ACT_HI_PROCINST root JOIN ACT_HI_PROCINST p ON p.ROOT_PROC_INST_ID_ = root.ID_
        WHERE root.ID_ = root.ROOT_PROC_INST_ID_ AND root.BUSINESS_KEY_ = ?""")) {
      for (Template template : templates) {
        family.setString(1, template.number());
        family.executeUpdate();
      }
    }
    execute("CREATE TABLE jz_bench_copy (n INT PRIMARY KEY, number VARCHAR(64), new_number VARCHAR(64), shift INTERVAL, shift_ms BIGINT, "
        + "suffix VARCHAR(16))");
    planCopies(templates, copies(templates, cases, historicTasks), now);
    execute("""
        CREATE TABLE jz_bench_roots AS SELECT DISTINCT c.*, f.root_id FROM jz_bench_copy c JOIN jz_bench_family f ON f.number = c.number""");
    execute("""
        CREATE TABLE jz_bench_instances AS SELECT c.*, f.instance_id FROM jz_bench_copy c JOIN jz_bench_family f ON f.number = c.number""");
    execute("""
        CREATE TABLE jz_bench_bytes AS
        SELECT DISTINCT b.byte_id, f.root_id FROM (
          SELECT BYTEARRAY_ID_ AS byte_id, PROC_INST_ID_ AS instance_id FROM ACT_RU_VARIABLE
          UNION ALL SELECT BYTEARRAY_ID_, PROC_INST_ID_ FROM ACT_HI_VARINST) b
        JOIN jz_bench_family f ON f.instance_id = b.instance_id
        WHERE b.byte_id IS NOT NULL""");
    execute("CREATE INDEX ON jz_bench_roots (root_id)");
    execute("CREATE INDEX ON jz_bench_instances (instance_id)");

    copy("act_ge_bytearray", "jz_bench_bytes b ON b.byte_id = x.ID_ JOIN jz_bench_roots m ON m.root_id = b.root_id", Set.of());
    for (String table : historyTables()) {
      copy(table, "jz_bench_roots m ON x.ROOT_PROC_INST_ID_ = m.root_id", Set.of());
    }
    for (List<String> table : RUNTIME) {
      copy(table.get(0), "jz_bench_instances m ON x." + table.get(1) + " = m.instance_id", Set.of());
    }
    copy("act_ru_identitylink", "ACT_RU_TASK tk ON tk.ID_ = x.TASK_ID_ JOIN jz_bench_instances m ON tk.PROC_INST_ID_ = m.instance_id", Set.of());
    copy("act_ru_authorization", "ACT_RU_TASK tk ON tk.ID_ = x.RESOURCE_ID_ JOIN jz_bench_instances m ON tk.PROC_INST_ID_ = m.instance_id",
        Set.of("resource_id_"));
    copy("jz_notice", "jz_bench_copy m ON x.case_number = m.number", Set.of());
    copy("jz_overdue", "jz_bench_copy m ON x.case_number = m.number", Set.of());
    execute("DROP TABLE jz_bench_copy, jz_bench_family, jz_bench_roots, jz_bench_instances, jz_bench_bytes");
    execute("ANALYZE");

    Map<String, Long> after = rowCounts();
    Map<String, Long> added = new LinkedHashMap<>();
    after.forEach((table, count) -> added.put(table, count - before.getOrDefault(table, 0L)));
    return added;
  }

  /** How many copies, in all, give both volumes: the templates' historic tasks weighted as the copies are. */
  private int copies(List<Template> templates, int cases, long historicTasks) throws SQLException {
    double weights = templates.stream().mapToInt(Template::weight).sum();
    double tasksPerCopy = 0;
    try (PreparedStatement tasks = db.prepareStatement("""
        SELECT COUNT(*) FROM ACT_HI_TASKINST t JOIN jz_bench_family f ON f.instance_id = t.PROC_INST_ID_ WHERE f.number = ?""")) {
      for (Template template : templates) {
        tasks.setString(1, template.number());
        try (ResultSet count = tasks.executeQuery()) {
          count.next();
          tasksPerCopy += count.getLong(1) * template.weight() / weights;
        }
      }
    }
    System.out.printf("  %.1f historic tasks per case or event%n", tasksPerCopy);
    return (int) Math.max(cases, Math.ceil(historicTasks / tasksPerCopy));
  }

  /** One row per copy: which template, its new number, how far its times move. */
  private void planCopies(List<Template> templates, int cases, Instant now) throws SQLException {
    int weights = templates.stream().mapToInt(Template::weight).sum();
    Instant templateStart = templateStart(templates);
    int n = 0;
    try (PreparedStatement insert = db.prepareStatement("INSERT INTO jz_bench_copy VALUES (?, ?, ?, ?::interval, ?, ?)")) {
      for (Template template : templates) {
        int copies = (int) Math.round((double) cases * template.weight() / weights);
        for (int i = 0; i < copies; i++) {
          n++;
          Duration back = template.running() ? Duration.ofMinutes(random.nextInt(20 * 24 * 60))
              : endedBack(templateStart, template);
          Instant start = now.minus(back);
          long shiftMillis = start.toEpochMilli() - templateStart.toEpochMilli();
          String number = template.number().substring(0, 3) + DAY.format(start) + "-" + (100000 + n);
          insert.setInt(1, n);
          insert.setString(2, template.number());
          insert.setString(3, number);
          insert.setString(4, (shiftMillis / 1000) + " seconds");
          insert.setLong(5, shiftMillis);
          insert.setString(6, ":" + n);
          insert.addBatch();
          if (n % 1000 == 0) {
            insert.executeBatch();
          }
        }
      }
      insert.executeBatch();
    }
  }

  /** How far before now an ended copy starts: anywhere in the past two years, provided it has ended by now. */
  private Duration endedBack(Instant templateStart, Template template) throws SQLException {
    try (PreparedStatement query = db.prepareStatement("SELECT MAX(END_TIME_) FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ?")) {
      query.setString(1, template.number());
      try (ResultSet row = query.executeQuery()) {
        row.next();
        long lasted = Duration.between(templateStart, row.getTimestamp(1).toInstant()).toMinutes() + 1;
        return Duration.ofMinutes(lasted + random.nextInt((int) (730L * 24 * 60 - lasted)));
      }
    }
  }

  private Instant templateStart(List<Template> templates) throws SQLException {
    try (PreparedStatement query = db.prepareStatement("SELECT MIN(START_TIME_) FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ?")) {
      query.setString(1, templates.get(0).number());
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getTimestamp(1).toInstant();
      }
    }
  }

  private List<String> historyTables() throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery("""
        SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'root_proc_inst_id_'
        AND table_name LIKE 'act_hi_%' AND table_name NOT IN ('act_hi_detail', 'act_hi_job_log') ORDER BY table_name""")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    return tables;
  }

  /** INSERT … SELECT of the table's template rows, once per copy, with the copy's ids, number and times. */
  private void copy(String table, String join, Set<String> alsoIds) throws SQLException {
    List<String> columns = new ArrayList<>();
    List<String> values = new ArrayList<>();
    String typeColumn = null;
    List<String[]> described = new ArrayList<>();
    try (PreparedStatement query = db.prepareStatement("""
        SELECT column_name, data_type, is_identity FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?
        ORDER BY ordinal_position""")) {
      query.setString(1, table);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          described.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
          if (rows.getString(1).equals("type_") || rows.getString(1).equals("var_type_")) {
            typeColumn = rows.getString(1);
          }
        }
      }
    }
    for (String[] column : described) {
      String name = column[0];
      if ("YES".equals(column[2])) {
        continue;
      }
      columns.add(name);
      if (ID_COLUMNS.contains(name) || alsoIds.contains(name)) {
        // ids are at most 64 characters; the few longer than 64 - suffix lose their last uuid characters, the same way everywhere
        values.add("left(x." + name + ", 64 - length(m.suffix)) || m.suffix");
      } else if (KEY_COLUMNS.contains(name)) {
        values.add("x." + name + " || m.suffix");
      } else if (column[1].startsWith("timestamp")) {
        values.add("x." + name + " + m.shift");
      } else if (name.equals("long_") && typeColumn != null) {
        values.add("CASE WHEN x." + typeColumn + " = 'date' THEN x.long_ + m.shift_ms ELSE x.long_ END");
      } else if (NUMBER_COLUMNS.contains(name) && (column[1].startsWith("character") || column[1].equals("text"))) {
        values.add("replace(x." + name + ", m.number, m.new_number)");
      } else {
        values.add("x." + name);
      }
    }
    long started = System.nanoTime();
    System.out.printf("  %-24s", table);
    int rows = executeUpdate("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + String.join(", ", values) + " FROM "
        + table + " x JOIN " + join);
    System.out.printf(" %,10d rows  %5.1f s%n", rows, (System.nanoTime() - started) / 1e9);
  }

  Map<String, Long> rowCounts() throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    List<String> tables = new ArrayList<>();
    try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery("""
        SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()
        AND (table_name LIKE 'act_hi_%' OR table_name LIKE 'act_ru_%' OR table_name IN ('act_ge_bytearray', 'jz_notice', 'jz_overdue'))
        ORDER BY table_name""")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    for (String table : tables) {
      try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
        rows.next();
        counts.put(table, rows.getLong(1));
      }
    }
    return counts;
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = db.createStatement()) {
      statement.execute(sql);
    }
  }

  private int executeUpdate(String sql) throws SQLException {
    try (Statement statement = db.createStatement()) {
      return statement.executeUpdate(sql);
    }
  }
}

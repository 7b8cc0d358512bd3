package org.jingzhi.cases;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The activities each running instance of a process waits in, read in one query from the engine's
 * tables (no engine authorizations): what overviews over all cases need, where
 * {@code getActiveActivityIds} per instance would be one query per case.
 */
@Component
public class ActiveActivities {

  /** Every running instance (its root execution), with each activity an execution of it is active in, if any. */
  private static final String ACTIVE = """
      SELECT p.ID_, e.ACT_ID_ FROM ACT_RU_EXECUTION p JOIN ACT_RE_PROCDEF d ON d.ID_ = p.PROC_DEF_ID_
      LEFT JOIN ACT_RU_EXECUTION e ON e.PROC_INST_ID_ = p.ID_ AND e.IS_ACTIVE_ = TRUE AND e.ACT_ID_ IS NOT NULL
      WHERE d.KEY_ = ? AND p.ID_ = p.PROC_INST_ID_""";

  private final JdbcTemplate jdbc;

  public ActiveActivities(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Process instance id → its active activity ids (possibly none), for every running instance of the process. */
  public Map<String, Set<String>> byInstance(String processKey) {
    Map<String, Set<String>> activities = new HashMap<>();
    jdbc.query(ACTIVE, row -> {
      Set<String> active = activities.computeIfAbsent(row.getString(1), id -> new HashSet<>());
      if (row.getString(2) != null) {
        active.add(row.getString(2));
      }
    }, processKey);
    return activities;
  }
}

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

  private static final String ACTIVE = """
      SELECT e.PROC_INST_ID_, e.ACT_ID_ FROM ACT_RU_EXECUTION e JOIN ACT_RE_PROCDEF d ON d.ID_ = e.PROC_DEF_ID_
      WHERE d.KEY_ = ? AND e.IS_ACTIVE_ = TRUE AND e.ACT_ID_ IS NOT NULL""";

  private final JdbcTemplate jdbc;

  public ActiveActivities(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Process instance id → its active activity ids, for every running instance of the process. */
  public Map<String, Set<String>> byInstance(String processKey) {
    Map<String, Set<String>> activities = new HashMap<>();
    jdbc.query(ACTIVE, row -> {
      activities.computeIfAbsent(row.getString(1), id -> new HashSet<>()).add(row.getString(2));
    }, processKey);
    return activities;
  }
}

package org.jingzhi.engine;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Looks up rows of the latest deployed decision tables (the catalogues), e.g. to check a matter type
 * or find an urgent limit. A lookup is not a decision: it uses a DMN engine of its own, so it leaves
 * no decision history and works inside and outside engine commands. The engine's cached definition
 * is the parsed decision, so nothing is parsed twice.
 *
 * <p>Which version is the latest is asked at every lookup, in one statement, so a version deployed on any node answers the
 * next lookup on every node; a version itself never changes, so each is taken from the engine once. The engine's query
 * for the latest version and its read of that version by id were two engine commands a lookup, five lookups a case
 * (README 「Database work per case」).
 */
@Component
public class DecisionLookup {

  private static final Pattern TEXT_LITERAL = Pattern.compile("\"[^\"]*\"");

  private static final String LATEST = "SELECT ID_ FROM ACT_RE_DECISION_DEF WHERE KEY_ = ? AND TENANT_ID_ IS NULL"
      + " ORDER BY VERSION_ DESC FETCH FIRST 1 ROWS ONLY";

  private final RepositoryService repository;
  private final IdentityService identity;
  private final JdbcTemplate jdbc;
  private final Map<String, DmnDecision> versions = new ConcurrentHashMap<>();
  private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  /** The catalogues' codes are few; the bound only guards against a caller asking with ever new inputs. */
  private static final int MAX_ANSWERS = 10_000;
  private final Map<Answer, List<Map<String, Object>>> answers = new ConcurrentHashMap<>();

  public DecisionLookup(ProcessEngine engine, JdbcTemplate jdbc) {
    this.repository = engine.getRepositoryService();
    this.identity = engine.getIdentityService();
    this.jdbc = jdbc;
  }

  /**
   * The matching rows' outputs; empty when no rule matches. A deployed decision never changes, so its answer to the same
   * inputs is kept (by the decision's id: a new version is asked anew); the FEEL engine would parse every rule's entries
   * again at each evaluation (README 「Database work per case」). So a catalogue's rules depend on their inputs only, not on
   * the current time (README 「Modeling」).
   */
  public List<Map<String, Object>> rows(String decisionKey, Map<String, Object> inputs) {
    String version = latestVersion(decisionKey);
    Answer key = new Answer(version, new HashMap<>(inputs));
    List<Map<String, Object>> rows = answers.get(key);
    if (rows == null) {
      rows = dmn.evaluateDecisionTable(decision(version), inputs).getResultList().stream()
          .map(row -> Collections.unmodifiableMap(new LinkedHashMap<>(row))).toList();
      if (answers.size() >= MAX_ANSWERS) {
        answers.clear();
      }
      answers.put(key, rows);
    }
    return rows;
  }

  /** A deployed decision version and the inputs it was asked. */
  private record Answer(String decisionDefinitionId, Map<String, Object> inputs) {
  }

  /**
   * The values the table's first input column names, in the order of its rules: the codes a catalogue
   * knows (a matter type, an event category). Rules whose entry is not a plain text literal are skipped.
   */
  public List<String> inputValues(String decisionKey) {
    DmnDecisionTableImpl table = (DmnDecisionTableImpl) decision(latestVersion(decisionKey)).getDecisionLogic();
    Set<String> values = new LinkedHashSet<>();
    for (DmnDecisionTableRuleImpl rule : table.getRules()) {
      String entry = rule.getConditions().isEmpty() ? null : rule.getConditions().get(0).getExpression();
      if (entry != null && TEXT_LITERAL.matcher(entry.trim()).matches()) {
        values.add(entry.trim().substring(1, entry.trim().length() - 1));
      }
    }
    return List.copyOf(values);
  }

  /** The id of the decision's latest version deployed without a tenant, as the engine's {@code latestVersion()} finds it. */
  private String latestVersion(String decisionKey) {
    List<String> latest = jdbc.queryForList(LATEST, String.class, decisionKey);
    if (latest.isEmpty()) {
      throw new IllegalStateException("The decision " + decisionKey + " is not deployed");
    }
    return latest.get(0);
  }

  private DmnDecision decision(String versionId) {
    DmnDecision decision = versions.get(versionId);
    if (decision == null) {
      decision = AsSystem.call(identity, () -> (DmnDecision) repository.getDecisionDefinition(versionId));
      versions.put(versionId, decision);
    }
    return decision;
  }
}

package org.jingzhi.returnvisit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The single-use links of the citizens' return visit ({@code jz_visit_token}): 256 random bits, of which only the SHA-256
 * is kept, so the table alone opens nothing.
 */
@Component
class VisitTokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

  private final JdbcTemplate jdbc;

  VisitTokens(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  record Token(String processInstanceId, String taskId, String eventNumber, Date createdAt, Date expiresAt, Date usedAt) {

    boolean expired(Date now) {
      return !now.before(expiresAt);
    }
  }

  /** A new token for the return-visit task, valid until {@code expiresAt}. */
  String issue(String processInstanceId, String taskId, String eventNumber, Date expiresAt) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    jdbc.update("INSERT INTO jz_visit_token (token_hash, process_instance_id, task_id, event_number, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
        hash(token), processInstanceId, taskId, eventNumber, new Timestamp(ClockUtil.getCurrentTime().getTime()),
        new Timestamp(expiresAt.getTime()));
    return token;
  }

  /** The token's record; empty for a malformed or unknown one. */
  Optional<Token> find(String token) {
    if (token == null || !FORMAT.matcher(token).matches()) {
      return Optional.empty();
    }
    List<Token> found = jdbc.query("SELECT * FROM jz_visit_token WHERE token_hash = ?", (rs, row) -> new Token(rs.getString("process_instance_id"),
        rs.getString("task_id"), rs.getString("event_number"), rs.getTimestamp("created_at"), rs.getTimestamp("expires_at"),
        rs.getTimestamp("used_at")), hash(token));
    return found.stream().findFirst();
  }

  /** Uses it, once: false when it was used or has expired meanwhile. */
  boolean use(String token, Date now) {
    Timestamp at = new Timestamp(now.getTime());
    return jdbc.update("UPDATE jz_visit_token SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?", at, hash(token), at) == 1;
  }

  private static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

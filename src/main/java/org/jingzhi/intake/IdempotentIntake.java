package org.jingzhi.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jingzhi.organization.CurrentUser;
import org.jingzhi.web.ConflictException;
import org.jingzhi.web.InvalidRequestException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Intake that happens once per {@code Idempotency-Key}: a client that sends a submission or report again after a timeout or a
 * node's death gets the first answer, never a second case. The key is the caller's own ({@code jz_intake}, keyed by user and
 * key); it is recorded in the transaction that starts the case, so the case and the record exist together or not at all, and
 * a second request with the key waits for the first one's transaction and then answers as it did. The same key with a
 * different request is a 409.
 */
@Component
public class IdempotentIntake {

  public static final String HEADER = "Idempotency-Key";
  static final int MAX_KEY = 128;
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1," + MAX_KEY + "}");

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final ObjectMapper json;
  private final CurrentUser currentUser;

  IdempotentIntake(JdbcTemplate jdbc, TransactionTemplate transaction, ObjectMapper json, CurrentUser currentUser) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.json = json;
    this.currentUser = currentUser;
  }

  /** Runs {@code intake} once for this key and request; without a key, every time. */
  public <T> T once(String key, String endpoint, Object request, Class<T> answer, Supplier<T> intake) {
    if (key == null) {
      return intake.get();
    }
    if (!KEY.matcher(key).matches()) {
      throw new InvalidRequestException(HEADER + " 须为 1 至 " + MAX_KEY + " 个可见 ASCII 字符（如 UUID）");
    }
    String user = currentUser.userId();
    String hash = hash(endpoint, request);
    T earlier = earlierAnswer(user, key, endpoint, hash, answer);
    if (earlier != null) {
      return earlier;
    }
    try {
      return transaction.execute(status -> {
        jdbc.update("INSERT INTO jz_intake (requested_by, idempotency_key, endpoint, request_hash, created_at) VALUES (?, ?, ?, ?, ?)", user,
            key, endpoint, hash, new Timestamp(ClockUtil.getCurrentTime().getTime()));
        T result = intake.get();
        jdbc.update("UPDATE jz_intake SET status = 201, response = ? WHERE requested_by = ? AND idempotency_key = ?", write(result), user,
            key);
        return result;
      });
    } catch (DuplicateKeyException sameKeyAtTheSameMoment) {
      T first = earlierAnswer(user, key, endpoint, hash, answer);
      if (first == null) {
        throw new ConflictException("同一 " + HEADER + " 的请求正在办理，请稍后重试");
      }
      return first;
    }
  }

  private <T> T earlierAnswer(String user, String key, String endpoint, String hash, Class<T> answer) {
    List<Earlier> earlier = jdbc.query("SELECT endpoint, request_hash, response FROM jz_intake WHERE requested_by = ? AND idempotency_key = ?",
        (row, index) -> new Earlier(row.getString(1), row.getString(2), row.getString(3)), user, key);
    if (earlier.isEmpty()) {
      return null;
    }
    if (!earlier.get(0).endpoint().equals(endpoint) || !earlier.get(0).requestHash().equals(hash)) {
      throw new ConflictException(HEADER + " " + key + " 已用于另一项不同的请求；新的请求请使用新的 " + HEADER);
    }
    try {
      return json.readValue(earlier.get(0).response(), answer);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The answer kept for " + HEADER + " " + key + " cannot be read", e);
    }
  }

  private String hash(String endpoint, Object request) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest((endpoint + "\n" + write(request)).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Earlier(String endpoint, String requestHash, String response) {
  }
}

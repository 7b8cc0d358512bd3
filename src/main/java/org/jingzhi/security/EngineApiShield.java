package org.jingzhi.security;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * In front of the engine REST API and the webapps' APIs: what the engine's REST layer would answer
 * with 500 for a client's mistake gets a 4xx with a message, and no answer shows a stack trace, SQL or
 * a Java class name.
 * <ul>
 * <li>Screens requests the REST layer cannot parse safely: NUL characters, malformed escapes, negative
 * paging, JSON that is {@code null}, nested deeper than {@value #MAX_DEPTH}, holds {@code null} in an
 * array, or is larger than {@value #MAX_JSON_BYTES} bytes, uploads over {@value #MAX_UPLOAD_BYTES} bytes
 * or of unknown length, and starts the engine would refuse before it runs a command. An empty JSON body
 * is read as {@code {}}; a checklist Tasklist sends as a Null-typed variable carrying JSON is read as JSON
 * ({@link NullVariables}).</li>
 * <li>Rewrites an error answer to the refusal the engine recorded for the request ({@link ClientRefusal}):
 * its status and message, where the REST layer would have said 500, or 400 "Not enough parameters"
 * for a refused comment. A 5xx without such a refusal is a fault, answered with a reference number
 * that the log explains.</li>
 * <li>Replaces a 4xx message that leaks internals with a plain one (the original goes to the log), and an empty 400
 * message with the plain one for its status.</li>
 * </ul>
 */
public class EngineApiShield extends OncePerRequestFilter {

  static final int MAX_DEPTH = 32;
  static final int MAX_JSON_BYTES = 2 * 1024 * 1024;
  static final int MAX_UPLOAD_BYTES = 12 * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(EngineApiShield.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 1).build()).build();
  private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final Map<Integer, String> TYPES = Map.of(403, "AuthorizationException", 404, "NotFoundException");
  private static final Pattern START = Pattern.compile("/process-definition/(key/[^/]+(/tenant-id/[^/]+)?|[^/]+)/start$");
  private static final Pattern CONDITIONAL_START = Pattern.compile("/condition/?$");
  private static final Set<String> VARIABLE_MAPS = Set.of("variables", "modifications", "localVariables", "processVariables");
  private static final Set<String> PAGING = Set.of("firstResult", "maxResults");
  private static final Pattern INTERNALS = Pattern.compile(
      "\\b(?:java|javax|jakarta|org|com|sun|scala)\\.[a-z0-9_]+\\.[\\w.$]+|###|\\bSQL|\\n\\s*at\\s|\\bselect\\b[^\\n]*\\bfrom\\b|\\w+Entity\\[",
      Pattern.CASE_INSENSITIVE);

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ClientRefusal.clear();
    try {
      String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
      String problem = CONDITIONAL_START.matcher(path).find() ? "本平台的流程没有条件启动事件（/condition）" : queryProblem(request.getQueryString());
      HttpServletRequest screened = request;
      if (problem == null && BODY_METHODS.contains(request.getMethod()) && isJson(request.getContentType())) {
        JsonBody body = JsonBody.read(request, MAX_JSON_BYTES);
        problem = body == null ? "请求体超过 " + MAX_JSON_BYTES / 1024 / 1024 + " MB" : jsonProblem(body.bytes());
        if (problem == null && body != null && START.matcher(path).find()) {
          problem = startProblem(body.bytes());
        }
        if (problem == null && body != null) {
          body = NullVariables.repaired(body);
        }
        screened = body == null ? request : body.request();
      } else if (problem == null && BODY_METHODS.contains(request.getMethod()) && request.getContentLengthLong() > MAX_UPLOAD_BYTES) {
        write(response, 413, "InvalidRequestException", "上传内容不超过 " + MAX_UPLOAD_BYTES / 1024 / 1024 + " MB");
        return;
      } else if (problem == null && isMultipart(request.getContentType()) && request.getContentLengthLong() < 0) {
        write(response, 411, "InvalidRequestException", "上传文件须注明长度（Content-Length）");
        return;
      }
      if (problem != null) {
        write(response, 400, "InvalidRequestException", problem);
        return;
      }
      ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
      chain.doFilter(screened, answer);
      if (answer.getStatus() >= 400) {
        rewriteError(request, answer);
      }
      answer.copyBodyToResponse();
    } finally {
      ClientRefusal.clear();
    }
  }

  private static boolean isJson(String contentType) {
    return contentType != null && contentType.toLowerCase().contains("json");
  }

  private static boolean isMultipart(String contentType) {
    return contentType != null && contentType.toLowerCase().startsWith("multipart/");
  }

  /** The engine refuses these flags without start instructions before any command runs; REST would call that 500. */
  static String startProblem(byte[] body) {
    try {
      JsonNode start = MAPPER.readTree(body);
      boolean skips = start.path("skipCustomListeners").asBoolean(false) || start.path("skipIoMappings").asBoolean(false);
      return skips && start.path("startInstructions").isEmpty() ? "skipCustomListeners、skipIoMappings 只能与 startInstructions 一起使用" : null;
    } catch (IOException e) {
      return "请求体不是有效的 JSON";
    }
  }

  static String queryProblem(String query) {
    if (query == null || query.isEmpty()) {
      return null;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name;
      String value;
      try {
        name = java.net.URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
        value = equals < 0 ? "" : java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return "查询参数的转义（%xx）不正确";
      }
      if (name.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
        return "查询参数不能含空字符（NUL）";
      }
      if (PAGING.contains(name) && !value.matches("\\d{1,10}") || PAGING.contains(name) && Long.parseLong(value) > Integer.MAX_VALUE) {
        return name + " 须为 0 到 " + Integer.MAX_VALUE + " 之间的整数";
      }
    }
    return null;
  }

  static String jsonProblem(byte[] body) {
    try (JsonParser parser = JSON.createParser(body)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return null;
      }
      if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
        return "请求体须为 JSON 对象";
      }
      Deque<Container> open = new ArrayDeque<>();
      for (JsonToken token = first; token != null; token = parser.nextToken()) {
        String problem = problemAt(token, parser, open);
        if (problem != null) {
          return problem;
        }
      }
      return null;
    } catch (IOException e) {
      return e.getMessage() != null && e.getMessage().contains("nesting depth") ? "JSON 嵌套不超过 " + MAX_DEPTH + " 层" : "请求体不是有效的 JSON";
    }
  }

  /** A JSON object or array being read, and the field it is the value of. */
  private record Container(boolean array, String field) {
  }

  private static String problemAt(JsonToken token, JsonParser parser, Deque<Container> open) throws IOException {
    Container parent = open.peek();
    switch (token) {
      case START_OBJECT, START_ARRAY -> {
        if (open.size() >= MAX_DEPTH) {
          return "JSON 嵌套不超过 " + MAX_DEPTH + " 层";
        }
        if ("value".equals(parser.currentName()) && open.size() >= 2 && isQueryFilter(open)) {
          return "变量查询条件的取值须为文本、数字、是否或日期";
        }
        open.push(new Container(token == JsonToken.START_ARRAY, parent == null || parent.array() ? null : parser.currentName()));
      }
      case END_OBJECT, END_ARRAY -> open.pop();
      case VALUE_NULL -> {
        if (parent != null && parent.array()) {
          return "JSON 数组中不能有 null";
        }
        if (parent != null && parent.field() != null && VARIABLE_MAPS.contains(parent.field())) {
          return "变量「" + parser.currentName() + "」须写成 {\"value\": …}，不能为 null";
        }
      }
      case VALUE_STRING, FIELD_NAME -> {
        if (parser.getText().indexOf('\0') >= 0) {
          return "请求体不能含空字符（NUL）";
        }
      }
      default -> {
      }
    }
    return null;
  }

  /** Inside an element of a query's variable filter list, e.g. {@code processVariables: [{name, operator, value}]}. */
  private static boolean isQueryFilter(Deque<Container> open) {
    var outer = open.iterator();
    Container element = outer.next();
    Container list = outer.next();
    return !element.array() && list.array() && list.field() != null && list.field().toLowerCase().endsWith("variables");
  }

  private static void rewriteError(HttpServletRequest request, ContentCachingResponseWrapper answer) throws IOException {
    String original = new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8);
    int status = answer.getStatus();
    String message = messageOf(original);
    if (message == null) {
      message = original;
    }
    ClientRefusal refusal = ClientRefusal.current();
    if (refusal != null) {
      replace(answer, refusal.status(), TYPES.getOrDefault(refusal.status(), "InvalidRequestException"), plain(refusal.status(), refusal.message()));
    } else if (status >= 500) {
      String reference = UUID.randomUUID().toString().substring(0, 8);
      LOG.error("Engine API fault {} on {} {}: {}", reference, request.getMethod(), request.getRequestURI(), original);
      replace(answer, status, "ServerError", "服务器内部错误（编号 " + reference + "），请稍后重试或联系管理员（Internal server error）");
    } else if (message != null && INTERNALS.matcher(message).find()) {
      LOG.info("Engine API answered {} {} with {}: {}", request.getMethod(), request.getRequestURI(), status, message);
      replace(answer, status, typeOf(original), plain(status, message));
    } else if (status == 400 && message.isBlank()) {
      // e.g. a JSON array where the REST layer reads an object: it refuses with an empty message
      replace(answer, status, typeOf(original), plain(status, null));
    }
  }

  /** The message itself when it shows no internals, otherwise a plain one for the status. */
  private static String plain(int status, String message) {
    if (message != null && !message.isBlank() && !INTERNALS.matcher(message).find()) {
      return message;
    }
    return switch (status) {
      case 403 -> "无权执行此操作（Forbidden）";
      case 404 -> "没有找到请求的对象（Not found）";
      case 409 -> "对象已被他人修改，请刷新后重试（Conflict）";
      default -> "请求有误，请检查参数（Bad request）";
    };
  }

  private static String messageOf(String body) {
    try {
      JsonNode node = MAPPER.readTree(body);
      return node != null && node.hasNonNull("message") ? node.get("message").asText() : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static String typeOf(String body) {
    try {
      JsonNode node = MAPPER.readTree(body);
      return node != null && node.hasNonNull("type") ? node.get("type").asText() : "InvalidRequestException";
    } catch (IOException e) {
      return "InvalidRequestException";
    }
  }

  private static void replace(ContentCachingResponseWrapper answer, int status, String type, String message) throws IOException {
    answer.resetBuffer();
    answer.setStatus(status);
    answer.setContentType("application/json;charset=UTF-8");
    ObjectNode body = MAPPER.createObjectNode().put("type", type).put("message", message);
    answer.getOutputStream().write(MAPPER.writeValueAsBytes(body));
  }

  private static void write(HttpServletResponse response, int status, String type, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(MAPPER.writeValueAsBytes(MAPPER.createObjectNode().put("type", type).put("message", message)));
  }
}

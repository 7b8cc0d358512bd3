package org.jingzhi.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Simplified Chinese for the 7.24 webapps covers every key of the English locale the webjar
 * ships, and leaves nothing in English but proper nouns and codes.
 */
class WebappTranslationTest {

  static final String APPS = "/META-INF/resources/webjars/camunda/app/";
  static final Set<String> PROPER_NOUNS_AND_CODES = Set.of("Camunda", "Cockpit", "Tasklist", "Admin", "Welcome", "Optimize", "Modeler",
      "BPMN", "DMN", "CMMN", "DRD", "FEEL", "JUEL", "ID", "IDs", "JSON", "XML", "URL", "URI", "REST", "API", "Java", "JavaScript", "HTML",
      "CSV", "HTTP", "UUID", "ISO", "UTC", "LDAP", "SQL", "Spin", "CE", "Boolean", "Bytes", "Date", "Double", "Integer", "Long", "Null",
      "Object", "Short", "String", "Json", "Xml", "File", "Ctrl", "Alt", "Shift", "Enter", "Esc", "Tab", "null", "Promise",
      // resource ids users type in Admin
      "cockpit", "tasklist");
  static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'-]+");
  static final Pattern CHINESE = Pattern.compile("[\\u4e00-\\u9fff]");
  static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyEnglishKeyHasAChineseValue(String app) throws IOException {
    Map<String, String> english = leaves(read(APPS + app + "/locales/en.json"));
    Map<String, String> chinese = leaves(read(APPS + app + "/locales/zh.json"));

    assertThat(chinese.keySet()).as(app + ": keys of zh.json").containsExactlyInAnyOrderElementsOf(english.keySet());
    List<String> untranslated = new ArrayList<>();
    chinese.forEach((key, value) -> {
      if (!key.startsWith("dateLocales.longDateFormat") && !key.startsWith("dateLocales.week") && leftoverEnglish(value)) {
        untranslated.add(key + " = " + value);
      }
    });
    assertThat(untranslated).as(app + ": values still in English").isEmpty();
    long interpolationsLost = english.keySet().stream()
        .filter(key -> !placeholders(english.get(key)).equals(placeholders(chinese.get(key)))).count();
    assertThat(interpolationsLost).as(app + ": {{…}} placeholders kept").isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void theWebappOffersChinese(String app) throws IOException {
    String config = new String(read(APPS + app + "/scripts/config.js").readAllBytes(), StandardCharsets.UTF_8);

    assertThat(config).contains("availableLocales: ['en', 'zh']").contains("fallbackLocale: 'en'");
  }

  @org.junit.jupiter.api.Test
  void theCheckCatchesEnglishAndLetsCodesPass() {
    assertThat(leftoverEnglish("Save changes")).isTrue();
    assertThat(leftoverEnglish("保存 changes")).isTrue();
    assertThat(leftoverEnglish("流程定义 ID：{{ definition.id }}")).isFalse();
    assertThat(leftoverEnglish("日期格式应为“yyyy-MM-ddTHH:mm:ss”")).isFalse();
    assertThat(leftoverEnglish("Camunda BPMN")).isFalse();
  }

  /** Words left after removing placeholders, markup and moment.js literals that are not proper nouns or codes. */
  static boolean leftoverEnglish(String value) {
    String text = value.replaceAll("\\{\\{.*?}}", " ").replaceAll("<[^>]+>", " ").replaceAll("&[a-z]+;", " ")
        .replaceAll("%[sd]", " ").replaceAll("https?://\\S+", " ")
        .replaceAll("y{2,4}-MM-dd(THH:mm(:ss)?)?", " ")
        .replaceAll("#\\w+", " ")
        .replaceAll("\\b(dddd|ddd|LTS|LT|LL|LLL|LLLL|YYYY|MMMM|MMM|MM|DD|Do|HH|hh|mm|ss)\\b", " ");
    Matcher words = WORD.matcher(text);
    while (words.find()) {
      if (!PROPER_NOUNS_AND_CODES.contains(words.group()) && !CHINESE.matcher(value).find()) {
        return true;
      }
      if (!PROPER_NOUNS_AND_CODES.contains(words.group()) && words.group().length() > 3 && words.group().matches(".*[a-z].*")
          && !isCode(words.group())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isCode(String word) {
    return word.matches("[a-z]+[A-Z][A-Za-z]*") || word.matches("[A-Z0-9_]+");
  }

  private static List<String> placeholders(String value) {
    List<String> found = new ArrayList<>();
    Matcher matcher = Pattern.compile("\\{\\{.*?}}").matcher(value == null ? "" : value);
    while (matcher.find()) {
      found.add(matcher.group().replace(" ", ""));
    }
    found.sort(null);
    return found;
  }

  static JsonNode readJson(String path) throws IOException {
    try (InputStream in = read(path)) {
      byte[] bytes = in.readAllBytes();
      String text = new String(bytes, StandardCharsets.UTF_8);
      return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
  }

  private static InputStream read(String path) {
    InputStream in = WebappTranslationTest.class.getResourceAsStream(path);
    assertThat(in).as(path).isNotNull();
    return in;
  }

  private static Map<String, String> leaves(InputStream in) throws IOException {
    byte[] bytes = in.readAllBytes();
    String text = new String(bytes, StandardCharsets.UTF_8);
    Map<String, String> leaves = new LinkedHashMap<>();
    collect("", JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text), leaves);
    return leaves;
  }

  private static void collect(String path, JsonNode node, Map<String, String> leaves) {
    if (node.isObject()) {
      node.fields().forEachRemaining(field -> collect(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(path + "[" + i + "]", node.get(i), leaves);
      }
    } else {
      leaves.put(path, node.asText());
    }
  }
}

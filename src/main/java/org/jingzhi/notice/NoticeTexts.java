package org.jingzhi.notice;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/** The templates file ({@code jingzhi.notice.templates}), checked against {@link NoticeTemplate} when the node starts. */
@Component
public class NoticeTexts {

  private static final Pattern PARAMETER = Pattern.compile("\\$\\{([^}]*)}");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** One template as the file gives it. */
  public record Text(String title, String text, String sms) {
  }

  /** A notice's title and text with its parameters in place. */
  public record Rendered(String title, String body) {
  }

  private final Map<String, Text> texts;

  public NoticeTexts(NoticeSettings settings, ResourceLoader resources) {
    Resource file = resources.getResource(settings.templates());
    this.texts = read(file);
    List<String> problems = problems(texts);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("通知模板文件 " + file.getDescription() + " 有误：" + String.join("；", problems));
    }
  }

  public Optional<Text> find(String templateId) {
    return Optional.ofNullable(templateId == null ? null : texts.get(templateId));
  }

  public Rendered render(NoticeTemplate template, Map<String, String> parameters) {
    Set<String> missing = new TreeSet<>(template.parameters());
    missing.removeAll(parameters.keySet());
    if (!missing.isEmpty() || !template.parameters().containsAll(parameters.keySet())) {
      throw new IllegalArgumentException("Template " + template.id() + " takes " + template.parameters() + ", given " + parameters.keySet());
    }
    Text text = texts.get(template.id());
    return new Rendered(fill(text.title(), parameters), fill(text.text(), parameters));
  }

  static String fill(String text, Map<String, String> parameters) {
    Matcher matcher = PARAMETER.matcher(text);
    StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      String value = parameters.get(matcher.group(1));
      matcher.appendReplacement(filled, Matcher.quoteReplacement(value == null ? "" : value));
    }
    return matcher.appendTail(filled).toString();
  }

  static List<String> problems(Map<String, Text> texts) {
    List<String> problems = new ArrayList<>();
    Set<String> known = Arrays.stream(NoticeTemplate.values()).map(NoticeTemplate::id).collect(Collectors.toSet());
    texts.keySet().stream().filter(id -> !known.contains(id)).forEach(id -> problems.add("未知模板 " + id + "（可用：" + known + "）"));
    for (NoticeTemplate template : NoticeTemplate.values()) {
      Text text = texts.get(template.id());
      if (text == null) {
        problems.add("缺少模板 " + template.id());
        continue;
      }
      if (blank(text.title()) || blank(text.text())) {
        problems.add("模板 " + template.id() + " 缺少 title 或 text");
        continue;
      }
      Set<String> used = new TreeSet<>();
      for (String part : List.of(text.title(), text.text())) {
        PARAMETER.matcher(part).results().map(found -> found.group(1)).forEach(used::add);
      }
      used.removeAll(template.parameters());
      if (!used.isEmpty()) {
        problems.add("模板 " + template.id() + " 用了它没有的参数 " + used + "（它有：" + template.parameters() + "）");
      }
      if (template.toPeople() && blank(text.sms())) {
        problems.add("模板 " + template.id() + " 发给申请人或反映人，须有短信模板编号 sms");
      }
    }
    return problems;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static Map<String, Text> read(Resource file) {
    try (InputStream in = file.getInputStream()) {
      TemplatesFile content = YAML.readValue(in, TemplatesFile.class);
      return content.templates == null ? Map.of() : new LinkedHashMap<>(content.templates);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the notice templates " + file.getDescription() + ": " + e.getMessage(), e);
    }
  }

  static class TemplatesFile {
    public Map<String, Text> templates;
  }
}

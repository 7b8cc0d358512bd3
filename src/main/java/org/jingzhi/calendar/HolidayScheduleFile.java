package org.jingzhi.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one year's schedule from its YAML file (see {@code src/main/resources/calendar/2026.yaml}), strictly:
 * an unknown key, a date that is not a date or lies outside the year, a day listed twice, or a holiday that is
 * also an adjusted working day is a {@link ScheduleFileException} naming the line.
 */
public final class HolidayScheduleFile {

  /** A schedule is a page of text; anything longer is not one. */
  public static final int MAX_CHARACTERS = 20_000;

  private static final Set<String> TOP_KEYS = Set.of("year", "holidays", "workingWeekends");
  private static final Set<String> HOLIDAY_KEYS = Set.of("name", "from", "to");
  private static final Set<String> WORKING_WEEKEND_KEYS = Set.of("date", "reason");

  private HolidayScheduleFile() {
  }

  public static HolidaySchedule read(InputStream in) throws IOException {
    return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
  }

  public static HolidaySchedule parse(String text) {
    if (text == null || text.isBlank()) {
      throw new ScheduleFileException(1, "文件为空");
    }
    if (text.length() > MAX_CHARACTERS) {
      throw new ScheduleFileException(1, "文件超过 " + MAX_CHARACTERS + " 个字符，不是一年的节假日安排");
    }
    Map<String, Node> top = mapping(compose(text), TOP_KEYS, "节假日安排");
    Node yearNode = required(top, "year", 1);
    int year = year(yearNode);
    Map<LocalDate, String> holidays = new HashMap<>();
    Map<LocalDate, Integer> holidayLines = new HashMap<>();
    for (Node entry : sequence(top.get("holidays"), "holidays")) {
      Map<String, Node> holiday = mapping(entry, HOLIDAY_KEYS, "节假日");
      String name = text(required(holiday, "name", line(entry)), "name");
      LocalDate from = date(required(holiday, "from", line(entry)), year);
      LocalDate to = holiday.containsKey("to") ? date(holiday.get("to"), year) : from;
      if (to.isBefore(from)) {
        throw new ScheduleFileException(line(holiday.get("to")), "节假日「" + name + "」的结束日 " + to + " 早于开始日 " + from);
      }
      for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
        Integer earlier = holidayLines.putIfAbsent(day, line(entry));
        if (earlier != null) {
          throw new ScheduleFileException(line(entry), day + " 已在第 " + earlier + " 行列为节假日，不能重复");
        }
        holidays.put(day, name);
      }
    }
    Map<LocalDate, Integer> workingWeekends = new LinkedHashMap<>();
    for (Node entry : sequence(top.get("workingWeekends"), "workingWeekends")) {
      Map<String, Node> workingDay = mapping(entry, WORKING_WEEKEND_KEYS, "调休上班日");
      Node dateNode = required(workingDay, "date", line(entry));
      LocalDate day = date(dateNode, year);
      if (workingDay.containsKey("reason")) {
        text(workingDay.get("reason"), "reason");
      }
      if (!HolidaySchedule.isWeekend(day)) {
        throw new ScheduleFileException(line(dateNode), day + " 是工作日（周一至周五），不是需要调休上班的周末");
      }
      if (holidays.containsKey(day)) {
        throw new ScheduleFileException(line(dateNode), day + " 同时列为节假日（第 " + holidayLines.get(day) + " 行）和调休上班日");
      }
      Integer earlier = workingWeekends.putIfAbsent(day, line(dateNode));
      if (earlier != null) {
        throw new ScheduleFileException(line(dateNode), day + " 已在第 " + earlier + " 行列为调休上班日，不能重复");
      }
    }
    return new HolidaySchedule(year, holidays, workingWeekends.keySet());
  }

  private static Node compose(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(0);
    options.setCodePointLimit(MAX_CHARACTERS * 4);
    try {
      Node root = new Yaml(options).compose(new java.io.StringReader(text));
      if (root == null) {
        throw new ScheduleFileException(1, "文件为空");
      }
      return root;
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
      throw new ScheduleFileException(line, "不是有效的 YAML：" + e.getProblem());
    } catch (YAMLException e) {
      throw new ScheduleFileException(1, "不是有效的 YAML：" + e.getMessage());
    }
  }

  private static Map<String, Node> mapping(Node node, Set<String> allowed, String what) {
    if (!(node instanceof MappingNode map)) {
      throw new ScheduleFileException(line(node), what + "应为键值对（如 year: 2026）");
    }
    Map<String, Node> values = new LinkedHashMap<>();
    for (NodeTuple tuple : map.getValue()) {
      String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
      if (key == null || !allowed.contains(key)) {
        throw new ScheduleFileException(line(tuple.getKeyNode()), what + "中不认识的键 " + (key == null ? "（非文字）" : key)
            + "；可用的键：" + String.join("、", allowed.stream().sorted().toList()));
      }
      if (values.put(key, tuple.getValueNode()) != null) {
        throw new ScheduleFileException(line(tuple.getKeyNode()), what + "中的键 " + key + " 重复");
      }
    }
    return values;
  }

  private static List<Node> sequence(Node node, String key) {
    if (node == null) {
      return List.of();
    }
    if (!(node instanceof SequenceNode list)) {
      throw new ScheduleFileException(line(node), key + " 应为列表（每项一行，以 - 开头）");
    }
    return list.getValue();
  }

  private static Node required(Map<String, Node> values, String key, int line) {
    Node node = values.get(key);
    if (node == null) {
      throw new ScheduleFileException(line, "缺少 " + key);
    }
    return node;
  }

  private static int year(Node node) {
    String value = text(node, "year");
    try {
      int year = Integer.parseInt(value);
      if (year >= 2000 && year <= 2100) {
        return year;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ScheduleFileException(line(node), "year 应为 2000 至 2100 之间的年份，收到：" + value);
  }

  private static LocalDate date(Node node, int year) {
    String value = text(node, "日期");
    LocalDate day;
    try {
      day = LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new ScheduleFileException(line(node), "不是有效日期（格式 yyyy-MM-dd）：" + value);
    }
    if (day.getYear() != year) {
      throw new ScheduleFileException(line(node), day + " 不在 " + year + " 年内");
    }
    return day;
  }

  private static String text(Node node, String what) {
    if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
      throw new ScheduleFileException(line(node), what + " 应为一个值");
    }
    return scalar.getValue().trim();
  }

  private static int line(Node node) {
    return node == null ? 1 : node.getStartMark().getLine() + 1;
  }
}

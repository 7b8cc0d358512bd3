package org.jingzhi.escalation;

import org.jingzhi.cases.Channels;
import static org.jingzhi.escalation.EscalationProcess.*;
import static org.jingzhi.cases.Texts.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jingzhi.cases.PersonalData;
import org.jingzhi.organization.Organization;
import org.jingzhi.organization.UnitType;

/**
 * A citizen request or grid report as the process keeps it. {@link #problems} lists what is wrong,
 * in Chinese; empty means it may be registered.
 */
public record EventReport(String category, String description, String communityCode, String address, String reporterName,
                          String reporterPhone, String channel, boolean urgent) {

  public static final int MAX_TEXT = 4000;
  static final int MAX_SHORT = 200;
  static final List<String> CHANNELS = Channels.ALL;

  public static EventReport fromVariables(Map<String, Object> variables) {
    Object urgent = variables.get(URGENT);
    return new EventReport(text(variables.get(CATEGORY)), text(variables.get(DESCRIPTION)), text(variables.get(COMMUNITY_CODE)),
        text(variables.get(ADDRESS)), text(variables.get(REPORTER_NAME)), text(variables.get(REPORTER_PHONE)),
        text(variables.get(CHANNEL)), Boolean.TRUE.equals(urgent) || "true".equals(urgent));
  }

  public List<String> problems(EventCatalogue catalogue, Organization organization) {
    List<String> problems = new ArrayList<>();
    if (category == null) {
      problems.add("缺少事件类别 category（可选：" + String.join("、", catalogue.categories()) + "）");
    } else if (category.length() > MAX_SHORT || catalogue.category(category).isEmpty()) {
      problems.add("未知的事件类别：" + abbreviate(category) + "（可选：" + String.join("、", catalogue.categories())
          + "；见 GET /api/catalogue/event-categories）");
    }
    if (description == null) {
      problems.add("事件描述 description 不能为空");
    } else if (description.length() > MAX_TEXT) {
      problems.add("事件描述不超过 " + MAX_TEXT + " 字，当前 " + description.length() + " 字");
    }
    if (communityCode == null) {
      problems.add("缺少所在社区 communityCode");
    } else if (organization.find(communityCode).filter(unit -> unit.type() == UnitType.COMMUNITY).isEmpty()) {
      problems.add("未知的社区：" + abbreviate(communityCode) + "（12 位社区代码，见 GET /api/catalogue/units?type=community）");
    }
    if (address == null) {
      problems.add("缺少地址 address");
    } else if (address.length() > MAX_SHORT) {
      problems.add("地址不超过 " + MAX_SHORT + " 字");
    }
    if (reporterName != null && reporterName.length() > 50) {
      problems.add("反映人姓名不超过 50 字");
    }
    if (reporterPhone != null && !PersonalData.isPhone(reporterPhone)) {
      problems.add("反映人联系电话格式不正确");
    }
    if (channel == null || !CHANNELS.contains(channel)) {
      problems.add("来源渠道 channel 须为 " + String.join("、", CHANNELS) + " 之一");
    }
    return problems;
  }

  public Map<String, Object> variables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(CATEGORY, category);
    variables.put(DESCRIPTION, description);
    variables.put(COMMUNITY_CODE, communityCode);
    variables.put(ADDRESS, address);
    variables.put(REPORTER_NAME, reporterName);
    variables.put(REPORTER_PHONE, reporterPhone);
    variables.put(CHANNEL, channel);
    variables.put(URGENT, urgent);
    return variables;
  }


  private static String abbreviate(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }
}

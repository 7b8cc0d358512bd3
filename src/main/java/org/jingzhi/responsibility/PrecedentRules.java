package org.jingzhi.responsibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jingzhi.cases.Channels;
import org.jingzhi.cases.Texts;
import org.jingzhi.engine.DecisionLookup;
import org.jingzhi.engine.RefusedInputException;
import org.jingzhi.organization.Organization;
import org.jingzhi.organization.Unit;
import org.jingzhi.organization.UnitType;
import org.springframework.stereotype.Component;

/**
 * What a precedent may say, and whether an event matches it. A precedent needs a category of the 权责清单 and at
 * least one more condition: a category alone would overrule the list for every event of it, which is a change of
 * the list (responsibility.dmn), not a precedent.
 */
@Component
public class PrecedentRules {

  static final int MAX_KEYWORDS = 10;
  static final int MAX_KEYWORD = 50;
  /** An owner that is not a unit: that level's unit of the event's own location. */
  static final Set<String> LOCAL_OWNERS = Set.of("community", "street", "district");
  private static final Set<UnitType> PLACES = Set.of(UnitType.COMMUNITY, UnitType.STREET, UnitType.DISTRICT);

  private final Organization organization;
  private final DecisionLookup decisions;
  private final Parties parties;

  PrecedentRules(Organization organization, DecisionLookup decisions) {
    this.organization = organization;
    this.decisions = decisions;
    this.parties = new Parties(organization);
  }

  /** The rule as given, cleaned (trimmed, group ids for units); a {@link RefusedInputException} naming what is wrong. */
  public PrecedentRule checked(String category, Object keywords, String location, String channel, String owner) {
    String cleanCategory = Texts.text(category);
    List<String> categories = decisions.inputValues(ResponsibilityList.LIST_DECISION);
    if (cleanCategory == null || !categories.contains(cleanCategory)) {
      throw new RefusedInputException("惯例的事件类别须为权责清单中的类别（" + String.join("、", categories) + "），收到：" + category);
    }
    List<String> words = new ArrayList<>();
    for (String word : Texts.list(keywords)) {
      if (word.length() > MAX_KEYWORD) {
        throw new RefusedInputException("关键词不超过 " + MAX_KEYWORD + " 字：" + word);
      }
      if (!words.contains(word)) {
        words.add(word);
      }
    }
    if (words.size() > MAX_KEYWORDS) {
      throw new RefusedInputException("关键词不超过 " + MAX_KEYWORDS + " 个");
    }
    String place = Texts.text(location);
    if (place != null) {
      place = organization.find(place).filter(unit -> PLACES.contains(unit.type())).map(Unit::code)
          .orElseThrow(() -> new RefusedInputException("惯例的地点须为社区、街道或区的 12 位代码，收到：" + location));
    }
    String cleanChannel = Texts.text(channel);
    if (cleanChannel != null && !Channels.ALL.contains(cleanChannel)) {
      throw new RefusedInputException("惯例的来源渠道须为 " + String.join("、", Channels.ALL) + " 之一，收到：" + channel);
    }
    if (words.isEmpty() && place == null && cleanChannel == null) {
      throw new RefusedInputException("惯例除事件类别外至少须有一个条件（关键词、地点或来源渠道）；只按类别改派请修改权责清单");
    }
    String cleanOwner = Texts.text(owner);
    if (cleanOwner == null) {
      throw new RefusedInputException("惯例须写明责任单位（单位代码、部门编码，或 community、street、district）");
    }
    if (!LOCAL_OWNERS.contains(cleanOwner)) {
      cleanOwner = parties.unit(cleanOwner, "惯例的责任单位");
    }
    return new PrecedentRule(cleanCategory, List.copyOf(words), place, cleanChannel, cleanOwner);
  }

  /** Whether an event of this category, description, community and channel matches the rule. */
  boolean matches(PrecedentRule rule, String category, String description, String communityCode, String channel) {
    if (!rule.category().equals(category)) {
      return false;
    }
    if (!rule.keywords().isEmpty() && (description == null || rule.keywords().stream().noneMatch(description::contains))) {
      return false;
    }
    if (rule.location() != null && organization.chain(communityCode).stream().noneMatch(unit -> unit.code().equals(rule.location()))) {
      return false;
    }
    return rule.channel() == null || rule.channel().equals(channel);
  }

  /** The owner's group id for an event in this community; empty if the location has no unit of that level. */
  Optional<String> owner(PrecedentRule rule, String communityCode) {
    if (!LOCAL_OWNERS.contains(rule.owner())) {
      return Optional.of(rule.owner());
    }
    UnitType type = UnitType.valueOf(rule.owner().toUpperCase());
    return organization.chain(communityCode).stream().filter(unit -> unit.type() == type).map(Unit::groupId).findFirst();
  }
}

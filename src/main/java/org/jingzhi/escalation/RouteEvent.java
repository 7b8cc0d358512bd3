package org.jingzhi.escalation;

import static org.jingzhi.escalation.EscalationProcess.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jingzhi.organization.Organization;
import org.jingzhi.organization.Unit;
import org.jingzhi.organization.UnitType;
import org.jingzhi.responsibility.Precedents;
import org.jingzhi.responsibility.ResponsibilityList;
import org.springframework.stereotype.Component;

/**
 * 派单: plans the levels an event can climb. First by a precedent in force that the event matches (案例制:
 * straight to the owner it names), else from the community of its location, starting at the catalogue's
 * starting level; after a send-back, from the owner the dispatcher or the ruling named
 * ({@code ownerUnit}; a department named by a ruling holds the event at the city level). A category a
 * community may not be asked to handle (社区工作准入目录) starts at the street instead. Each level gets its unit (found through the org tree; the command
 * centre at the city), its limit in working days or, for urgent events, in hours, and the owning department
 * of the category at that level by the 权责清单 ({@link EnterLevel} names it on the event; a summons proposes it).
 */
@Component("routeEvent")
class RouteEvent implements JavaDelegate {

  private final Organization organization;
  private final EventCatalogue catalogue;
  private final ResponsibilityList responsibilities;
  private final Precedents precedents;

  RouteEvent(Organization organization, EventCatalogue catalogue, ResponsibilityList responsibilities, Precedents precedents) {
    this.organization = organization;
    this.catalogue = catalogue;
    this.responsibilities = responsibilities;
    this.precedents = precedents;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution execution) {
    Map<String, Object> category = (Map<String, Object>) execution.getVariable(EVENT_CATEGORY);
    String code = (String) execution.getVariable(CATEGORY);
    String owner = (String) execution.getVariable(OWNER_UNIT);
    if (owner == null && execution.getVariable(LEVELS) == null) {
      owner = ownerByPrecedent(execution);
    }
    Unit ownerUnit = owner == null ? null : organization.get(owner);
    boolean departmentOwns = ownerUnit != null && ownerUnit.type() == UnitType.DEPARTMENT;
    Level first = departmentOwns ? Level.CITY
        : ownerUnit != null ? Level.ofUnitType(ownerUnit.type()) : Level.of((String) category.get("startLevel"));
    if (first == Level.COMMUNITY && !responsibilities.communityMayHandle(code)) {
      first = Level.STREET;
    }
    List<Unit> chain = organization.chain(owner != null && !departmentOwns ? owner : (String) execution.getVariable(COMMUNITY_CODE));

    List<Map<String, Object>> levels = new ArrayList<>();
    for (Level level : Arrays.copyOfRange(Level.values(), first.ordinal(), Level.values().length)) {
      Unit unit = departmentOwns ? ownerUnit
          : level == Level.CITY ? organization.ofType(UnitType.COMMAND_CENTER).get(0)
          : chain.stream().filter(candidate -> candidate.type() == level.handler).findFirst().orElseThrow();
      levels.add(entry(level, unit, category, code));
    }
    execution.setVariable(CATEGORY_NAME, category.get("categoryName"));
    execution.setVariable(LEVELS, levels);
    execution.setVariable(LEVEL_INDEX, 0);
    execution.removeVariable(OWNER_UNIT);
  }

  /** The owner a precedent in force names for the reported event, recorded on it; null if none matches. */
  private String ownerByPrecedent(DelegateExecution execution) {
    Optional<Precedents.Route> route = precedents.route((String) execution.getVariable(CATEGORY), (String) execution.getVariable(DESCRIPTION),
        (String) execution.getVariable(COMMUNITY_CODE), (String) execution.getVariable(CHANNEL));
    route.ifPresent(found -> {
      execution.setVariable(PRECEDENT_NUMBER, found.precedent());
      execution.setVariable(PRECEDENT_OWNER, found.owner());
      execution.setVariable(PRECEDENT_OWNER_NAME, organization.shortName(found.owner()));
    });
    return route.map(Precedents.Route::owner).orElse(null);
  }

  /** One planned level: its unit, its limits, and the owning department the 权责清单 names for it. */
  private Map<String, Object> entry(Level level, Unit unit, Map<String, Object> category, String code) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("level", level.code);
    entry.put("levelName", level.label);
    entry.put("unit", unit.groupId());
    entry.put("unitName", unit.name());
    entry.put("days", daysAt(category, level));
    entry.put("hours", catalogue.urgentHours(level));
    Optional<ResponsibilityList.Responsibility> responsibility = responsibilities.of(code, level.code);
    entry.put(OWNER_DEPARTMENT, responsibility.map(ResponsibilityList.Responsibility::ownerDepartment).orElse(null));
    entry.put(OWNER_DEPARTMENT_NAME, responsibility.map(found -> organization.shortName(found.ownerDepartment())).orElse(null));
    entry.put(DEFAULT_DEPARTMENTS, new ArrayList<>(responsibility.map(ResponsibilityList.Responsibility::departments).orElse(List.of())));
    return entry;
  }

  /** The level's limit; a level the category does not start at takes the next level's limit. */
  private static int daysAt(Map<String, Object> category, Level level) {
    for (Level candidate : Arrays.copyOfRange(Level.values(), level.ordinal(), Level.values().length)) {
      Object days = category.get(candidate.daysColumn);
      if (days != null) {
        return ((Number) days).intValue();
      }
    }
    throw new IllegalStateException("The event catalogue gives no limit for " + category.get("categoryName"));
  }
}

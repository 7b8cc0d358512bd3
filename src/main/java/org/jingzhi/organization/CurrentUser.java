package org.jingzhi.organization;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** The logged-in user's units, for the few decisions that depend on a role rather than on a case. */
@Component
public class CurrentUser {

  private final IdentityService identity;
  private final Organization organization;

  public CurrentUser(IdentityService identity, Organization organization) {
    this.identity = identity;
    this.organization = organization;
  }

  /** The group ids of the user's units of these types. */
  public Set<String> unitsOfType(UnitType... types) {
    List<UnitType> wanted = Arrays.asList(types);
    return groups().stream()
        .filter(group -> organization.find(group).filter(unit -> wanted.contains(unit.type())).isPresent())
        .collect(Collectors.toSet());
  }

  public boolean worksIn(UnitType... types) {
    return !unitsOfType(types).isEmpty();
  }

  /** The supervision office, the command centre and administrators: they watch every unit's work and rates. */
  public boolean oversees() {
    return isAdministrator() || worksIn(UnitType.SUPERVISION, UnitType.COMMAND_CENTER);
  }

  /** Whether the user reads every case with its details: administrators and the supervision office. */
  public boolean readsEverything() {
    return readsEverything(organization, groups());
  }

  /** Administrators and the units that read every case ({@link UnitPermissions#readsEverything}). */
  public static boolean readsEverything(Organization organization, List<String> groupIds) {
    return groupIds.contains(Groups.CAMUNDA_ADMIN) || groupIds.stream()
        .anyMatch(group -> organization.find(group).filter(unit -> UnitPermissions.readsEverything(unit.type())).isPresent());
  }

  /** The groups of the user: its units' group ids (and camunda-admin for administrators). */
  public List<String> groupIds() {
    return List.copyOf(groups());
  }

  /** The logged-in user's id; null without a login. */
  public String userId() {
    Authentication user = identity.getCurrentAuthentication();
    return user == null ? null : user.getUserId();
  }

  public boolean isAdministrator() {
    return groups().contains(Groups.CAMUNDA_ADMIN);
  }

  private List<String> groups() {
    Authentication user = identity.getCurrentAuthentication();
    return user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
  }
}

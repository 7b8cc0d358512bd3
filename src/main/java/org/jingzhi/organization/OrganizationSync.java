package org.jingzhi.organization;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Brings the engine's groups, users, memberships and unit authorizations in line with the
 * organization and staff files when the engine starts. Running it again changes nothing;
 * a changed file updates names, types, memberships and grants. Units and users that left the
 * files are reported, not deleted: they may still hold open work.
 */
@Component
public class OrganizationSync extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(OrganizationSync.class);

  private final Organization organization;
  private final Staff staff;

  public OrganizationSync(Organization organization, Staff staff) {
    this.organization = organization;
    this.staff = staff;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    sync(engine);
  }

  public void sync(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    for (Unit unit : organization.units()) {
      saveGroup(identity, unit);
      for (Grant grant : UnitPermissions.of(unit.type())) {
        ensureGrant(engine.getAuthorizationService(), unit.groupId(), grant);
      }
    }
    Set<String> staffed = new HashSet<>();
    for (StaffMember member : membersToProvision()) {
      saveUser(identity, member);
      staffed.addAll(syncMemberships(identity, member));
    }
    reportLeftovers(identity);
    LOG.info("Organization synchronised: {} units, {} users from the staff file, {} units staffed",
        organization.units().size(), staff.members().size(), staffed.size());
  }

  private List<StaffMember> membersToProvision() {
    List<StaffMember> members = new ArrayList<>(staff.members());
    if (staff.staffEveryUnit()) {
      Set<String> staffedUnits = new HashSet<>();
      members.forEach(member -> member.units().forEach(unit -> staffedUnits.add(organization.get(unit).groupId())));
      for (Unit unit : organization.units()) {
        if (!staffedUnits.contains(unit.groupId())) {
          members.add(new StaffMember("u" + unit.code(), unit.name(), "工作人员", null, List.of(unit.groupId()), List.of()));
        }
      }
    }
    return members;
  }

  private void saveGroup(IdentityService identity, Unit unit) {
    Group group = identity.createGroupQuery().groupId(unit.groupId()).singleResult();
    if (group == null) {
      group = identity.newGroup(unit.groupId());
    } else if (unit.name().equals(group.getName()) && unit.type().code().equals(group.getType())) {
      return;
    }
    group.setName(unit.name());
    group.setType(unit.type().code());
    identity.saveGroup(group);
  }

  private void saveUser(IdentityService identity, StaffMember member) {
    User user = identity.createUserQuery().userId(member.id()).singleResult();
    if (user == null) {
      user = identity.newUser(member.id());
      user.setPassword(staff.initialPassword());
    } else if (Objects.equals(user.getFirstName(), member.firstName())
        && Objects.equals(user.getLastName(), member.lastName())
        && Objects.equals(user.getEmail(), member.email())) {
      return;
    }
    user.setFirstName(member.firstName());
    user.setLastName(member.lastName());
    user.setEmail(member.email());
    identity.saveUser(user);
  }

  /** Makes the user's unit memberships exactly those of the file; other groups it has are added, never removed. */
  private Set<String> syncMemberships(IdentityService identity, StaffMember member) {
    Set<String> wanted = new HashSet<>(member.groups());
    member.units().forEach(unit -> wanted.add(organization.get(unit).groupId()));
    Set<String> current = new HashSet<>();
    identity.createGroupQuery().groupMember(member.id()).list().forEach(group -> current.add(group.getId()));
    // joins first: a task the user claimed that their new unit may also work on stays theirs when they leave the old one
    for (String groupId : wanted) {
      if (!current.contains(groupId)) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
          throw new IllegalStateException("User " + member.id() + " is to join group " + groupId + ", which does not exist");
        }
        identity.createMembership(member.id(), groupId);
      }
    }
    for (String groupId : current) {
      if (!wanted.contains(groupId) && organization.isUnitGroup(groupId)) {
        identity.deleteMembership(member.id(), groupId);
        LOG.info("User {} no longer works in {}", member.id(), groupId);
      }
    }
    wanted.removeIf(groupId -> !organization.isUnitGroup(groupId));
    return wanted;
  }

  static void ensureGrant(AuthorizationService authorizations, String groupId, Grant grant) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(groupId)
        .resourceType(grant.resource())
        .resourceId(grant.resourceId())
        .singleResult();
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(grant.resource());
      authorization.setResourceId(grant.resourceId());
    } else if (grant.permissions().stream().allMatch(authorization::isPermissionGranted)) {
      return;
    }
    for (Permission permission : grant.permissions()) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }

  private void reportLeftovers(IdentityService identity) {
    for (UnitType type : UnitType.values()) {
      for (Group group : identity.createGroupQuery().groupType(type.code()).list()) {
        if (!organization.isUnitGroup(group.getId())) {
          LOG.warn("Group {} ({}) is no longer in the organization file; it is kept because it may hold open work. "
              + "Remove it in Admin once its work is done.", group.getId(), group.getName());
        }
      }
    }
  }
}

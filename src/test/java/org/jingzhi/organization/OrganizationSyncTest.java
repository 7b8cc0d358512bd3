package org.jingzhi.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.jingzhi.support.IntegrationTest;
import org.jingzhi.support.Users;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class OrganizationSyncTest {

  static final String NEW_COMMUNITY = "990101001003";

  @Autowired
  ProcessEngine engine;
  @Autowired
  Organization organization;
  @Autowired
  Staff staff;

  @AfterEach
  void restoreTheDemoCity() {
    new OrganizationSync(organization, staff).sync(engine);
    engine.getIdentityService().deleteGroup(NEW_COMMUNITY);
    engine.getIdentityService().deleteUser("u990101001001");
  }

  @Test
  void loadedTheDemoCityIntoGroupsUsersAndMemberships() {
    var identity = engine.getIdentityService();

    assertThat(identity.createGroupQuery().groupId("990101001001").singleResult().getName()).isEqualTo("柳岸社区");
    assertThat(identity.createGroupQuery().groupId("market").singleResult().getType()).isEqualTo("department");
    assertThat(Users.groupsOf(identity, "liuan")).containsExactly("990101001001");
    assertThat(Users.groupsOf(identity, "window")).containsExactly("service-center");
    assertThat(identity.checkPassword("hubin", "demo")).isTrue();
    assertThat(identity.createUserQuery().memberOfGroup("990102002001").list()).as("北苑社区 has a generated user")
        .extracting(user -> user.getId()).containsExactly("u990102002001");
    for (Unit unit : organization.units()) {
      assertThat(identity.createUserQuery().memberOfGroup(unit.groupId()).count()).as(unit.name()).isPositive();
    }
  }

  @Test
  void runningTheSyncAgainCreatesNothing() {
    List<Long> before = counts();

    new OrganizationSync(organization, staff).sync(engine);
    new OrganizationSync(organization, staff).sync(engine);

    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aChangedFileUpdatesTheEngine() {
    List<Unit> units = new ArrayList<>();
    for (Unit unit : organization.units()) {
      units.add(unit.code().equals("990101001001") ? new Unit(unit.code(), unit.groupId(), "柳岸新村社区", unit.type(), unit.parentCode()) : unit);
    }
    units.add(new Unit(NEW_COMMUNITY, NEW_COMMUNITY, "荷花社区", UnitType.COMMUNITY, "990101001000"));
    List<StaffMember> members = new ArrayList<>(staff.members());
    members.removeIf(member -> member.id().equals("liuan"));
    members.add(new StaffMember("liuan", "荷花社区", "网格员", null, List.of(NEW_COMMUNITY), List.of()));

    new OrganizationSync(new Organization(units), new Staff(members, "demo", true)).sync(engine);

    var identity = engine.getIdentityService();
    assertThat(identity.createGroupQuery().groupId("990101001001").singleResult().getName()).isEqualTo("柳岸新村社区");
    assertThat(identity.createGroupQuery().groupId(NEW_COMMUNITY).singleResult().getName()).isEqualTo("荷花社区");
    assertThat(Users.groupsOf(identity, "liuan")).containsExactly(NEW_COMMUNITY);
    assertThat(identity.createUserQuery().userId("liuan").singleResult().getFirstName()).isEqualTo("荷花社区");
    assertThat(engine.getAuthorizationService().isUserAuthorized("liuan", List.of(NEW_COMMUNITY), Permissions.ACCESS,
        Resources.APPLICATION, "tasklist")).isTrue();
    assertThat(identity.createUserQuery().memberOfGroup("990101001001").list()).as("the emptied unit got a generated user")
        .extracting(user -> user.getId()).containsExactly("u990101001001");
  }

  private List<Long> counts() {
    var identity = engine.getIdentityService();
    long memberships = identity.createUserQuery().list().stream()
        .mapToLong(user -> identity.createGroupQuery().groupMember(user.getId()).count()).sum();
    return List.of(identity.createGroupQuery().count(), identity.createUserQuery().count(), memberships,
        engine.getAuthorizationService().createAuthorizationQuery().count());
  }
}

package org.jingzhi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.jingzhi.engine.AsSystem;
import org.jingzhi.support.Http;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A login is kept briefly (no password check and group look-ups per request) and forgotten as soon as users or
 * memberships change through the engine. The password is changed behind the engine's back (SQL) to see that a kept login
 * was used: the first test fails where every request checks the password.
 */
@IntegrationTest
class VerifiedLoginsTest {

  static final String USER = "login-cache-test";
  static final String PASSWORD = "Erste-Passwort-1";
  static final String DONOR = USER + "-donor";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  VerifiedLogins logins;
  @Autowired
  JdbcTemplate jdbc;

  IdentityService identity;

  @BeforeEach
  void aUserOfTheMarketDepartment() {
    identity = engine.getIdentityService();
    AsSystem.run(identity, () -> {
      User user = identity.newUser(USER);
      user.setFirstName("缓存");
      user.setLastName("测试");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.createMembership(USER, "market");
      User donor = identity.newUser(DONOR);
      donor.setPassword("Anderes-Passwort-3");
      identity.saveUser(donor);
    });
  }

  @AfterEach
  void removeTheUser() {
    AsSystem.run(identity, () -> {
      identity.deleteUser(USER);
      identity.deleteUser(DONOR);
    });
  }

  @Test
  void aClientsNextRequestIsNotCheckedAgainstTheDatabase() {
    assertThat(status(PASSWORD)).isEqualTo(200);
    changePasswordBehindTheEngine();

    assertThat(status(PASSWORD)).as("the kept login").isEqualTo(200);
  }

  @Test
  void aPasswordChangedThroughTheEngineEndsTheKeptLoginAtOnce() {
    assertThat(status(PASSWORD)).isEqualTo(200);

    AsSystem.run(identity, () -> {
      User user = identity.createUserQuery().userId(USER).singleResult();
      user.setPassword("Zweites-Passwort-2");
      identity.saveUser(user);
    });

    assertThat(status("Zweites-Passwort-2")).isEqualTo(200);
    assertThat(status(PASSWORD)).isEqualTo(401);
  }

  @Test
  void aMembershipRemovedThroughTheEngineTakesItsGroupAwayAtOnce() {
    assertThat(logins.login(identity, USER, PASSWORD).groups()).contains("market");

    AsSystem.run(identity, () -> identity.deleteMembership(USER, "market"));

    assertThat(logins.login(identity, USER, PASSWORD).groups()).doesNotContain("market");
  }

  @Test
  void anotherPasswordIsCheckedByTheEngineEvenWithAKeptLogin() {
    assertThat(status(PASSWORD)).isEqualTo(200);

    assertThat(status(PASSWORD + "x")).isEqualTo(401);
    assertThat(status(PASSWORD)).isEqualTo(200);
  }

  @Test
  void withNoTimeToKeepEveryRequestIsChecked() {
    VerifiedLogins keepingNone = new VerifiedLogins(Duration.ZERO);
    assertThat(keepingNone.login(identity, USER, PASSWORD)).isNotNull();
    changePasswordBehindTheEngine();

    assertThat(keepingNone.login(identity, USER, PASSWORD)).isNull();
  }

  /** The donor's password hash and salt, written with SQL: a write through the engine would make the logins be forgotten. */
  private void changePasswordBehindTheEngine() {
    jdbc.update("UPDATE ACT_ID_USER SET PWD_ = (SELECT PWD_ FROM ACT_ID_USER WHERE ID_ = ?), SALT_ = (SELECT SALT_ FROM ACT_ID_USER WHERE ID_ = ?)"
        + " WHERE ID_ = ?", DONOR, DONOR, USER);
  }

  private int status(String password) {
    Http http = new Http(port);
    return http.send(http.request(null, "/engine-rest/task/count").header("Authorization", Http.basic(USER, password))).status();
  }
}

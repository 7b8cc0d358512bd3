package org.jingzhi.cockpit;

import org.camunda.bpm.engine.AuthorizationException;
import org.jingzhi.organization.CurrentUser;
import org.springframework.stereotype.Component;

/** Who may use the plugin's API: the supervision office, the command centre and administrators; others get 403. */
@Component
class Overseers {

  private final CurrentUser currentUser;

  Overseers(CurrentUser currentUser) {
    this.currentUser = currentUser;
  }

  /**
   * The details of joint-approval cases (project, applicant notices) are for those who read every case;
   * the command centre oversees events. {@code what} names what was asked for.
   */
  void requireCaseReader(String what) {
    require();
    if (!currentUser.readsEverything()) {
      throw new AuthorizationException(what + "只对效能督查办和管理员开放；市城市运行指挥中心查看诉求事件");
    }
  }

  boolean readsEverything() {
    return currentUser.readsEverything();
  }

  void require() {
    if (!currentUser.oversees()) {
      throw new AuthorizationException("效能督查只对效能督查办、市城市运行指挥中心和管理员开放");
    }
  }
}

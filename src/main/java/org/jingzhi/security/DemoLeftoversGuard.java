package org.jingzhi.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.jingzhi.organization.Organization;
import org.jingzhi.organization.OrganizationFiles;
import org.jingzhi.organization.StaffMember;
import org.jingzhi.organization.Unit;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * A database that once ran the demo keeps its users, and {@code demo}/{@code demo} is an
 * administrator. The production profile refuses to start while any demo user exists or any user
 * still has the demo password, naming them and saying how to remove them.
 */
@Component
@Profile("production")
class DemoLeftoversGuard {

  static final String DEMO_PASSWORD = "demo";
  static final String DEMO_STAFF = "organization/demo-staff.yaml";

  DemoLeftoversGuard(ProcessEngine engine, Organization organization) {
    List<String> leftovers = leftovers(engine, organization);
    if (!leftovers.isEmpty()) {
      throw new IllegalStateException("生产环境拒绝启动：数据库中仍有演示用户或使用演示密码 demo 的用户（" + String.join("、", leftovers) + "）。"
          + "Production refuses to start: remove these users as an administrator (Admin → 用户 → 删除, or "
          + "DELETE /engine-rest/user/{id}) or give them passwords of their own; better, run production on a database of its own.");
    }
  }

  static List<String> leftovers(ProcessEngine engine, Organization organization) {
    Set<String> demoIds = new LinkedHashSet<>(List.of(DEMO_PASSWORD));
    OrganizationFiles.readStaff(new ClassPathResource(DEMO_STAFF)).members().stream().map(StaffMember::id).forEach(demoIds::add);
    organization.units().stream().map(Unit::code).map(code -> "u" + code).forEach(demoIds::add);
    var passwords = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getPasswordManager();
    List<String> leftovers = new ArrayList<>();
    for (User user : engine.getIdentityService().createUserQuery().list()) {
      UserEntity entity = (UserEntity) user;
      boolean demoPassword = entity.getPassword() != null
          && passwords.check(EncryptionUtil.saltPassword(DEMO_PASSWORD, entity.getSalt()), entity.getPassword());
      boolean demoUser = demoIds.contains(user.getId());
      if (demoUser || demoPassword) {
        leftovers.add(user.getId() + "（" + (demoUser ? "演示用户" : "") + (demoUser && demoPassword ? "，" : "") + (demoPassword ? "密码 demo" : "") + "）");
      }
    }
    return leftovers;
  }
}

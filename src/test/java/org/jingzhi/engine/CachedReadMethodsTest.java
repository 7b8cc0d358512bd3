package org.jingzhi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Member;
import java.util.List;
import java.util.Objects;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.ognl.AbstractMemberAccess;
import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.Ognl;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.apache.ibatis.ognl.PropertyAccessor;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's statements are written from the query's properties read with the methods found once per class and name,
 * and each property so read has the value OGNL's own search reads.
 */
@IntegrationTest
class CachedReadMethodsTest {

  @Autowired
  ProcessEngine engine;

  @AfterEach
  void logout() {
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void aUnitsTaskQueryIsWrittenWithTheMethodsFoundOnceAndTheirValuesAreOgnlsOwn() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    engine.getIdentityService().setAuthentication("fire", List.of("fire"));
    TaskQueryImpl query = (TaskQueryImpl) engine.getTaskService().createTaskQuery().processInstanceId("a-case").taskDefinitionKey("review")
        .or().taskCandidateGroupIn(List.of("fire", "market")).taskAssignee("someone").endOr()
        .orderByDueDate().asc();
    MappedStatement statement = configuration.getSqlSessionFactory().getConfiguration().getMappedStatement("selectTaskByQueryCriteria");

    configuration.getCommandExecutorTxRequired().execute(context -> {
      context.getAuthorizationManager().configureTaskQuery(query);
      assertThat(statement.getBoundSql(query).getSql()).as("the unit's grants are checked").contains("ACT_RU_AUTHORIZATION");

      assertThat(CachedReadMethods.remembered(TaskQueryImpl.class)).contains("isOrQueryActive", "isWithoutTenantId", "candidateGroups", "assignee");
      assertThat(OgnlRuntime.getGetMethod(TaskQueryImpl.class, "isOrQueryActive")).as("OGNL's getter of the or-branches' test").isNull();
      assertThat(OgnlRuntime.getGetMethod(TaskQueryImpl.class, "isWithoutTenantId")).isNull();
      assertThat(CachedReadMethods.remembered(AuthorizationCheck.class)).contains("shouldPerformAuthorizatioCheck");
      for (Object target : List.of(query, query.getQueries().get(1), query.getAuthCheck())) {
        for (String property : CachedReadMethods.remembered(target.getClass())) {
          assertThat(read(platformAccessor(), target, property)).as(property)
              .isEqualTo(read(new ObjectPropertyAccessor(), target, property));
        }
      }
      return null;
    });
  }

  private static PropertyAccessor platformAccessor() {
    try {
      return OgnlRuntime.getPropertyAccessor(Object.class);
    } catch (OgnlException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object read(PropertyAccessor accessor, Object target, String property) {
    OgnlContext context = Ognl.createDefaultContext(target, new AbstractMemberAccess() {
      @Override
      public boolean isAccessible(OgnlContext ognl, Object object, Member member, String name) {
        return true;
      }
    });
    try {
      return Objects.toString(accessor.getProperty(context, target, property));
    } catch (OgnlException e) {
      return "refused: " + e.getMessage();
    }
  }
}

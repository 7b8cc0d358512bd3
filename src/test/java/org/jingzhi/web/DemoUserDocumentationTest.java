package org.jingzhi.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.Operation;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.web.method.HandlerMethod;

/** The demo users are named in the API description only where they exist. */
class DemoUserDocumentationTest {

  static class Calls {
    @DemoUser("window")
    public void submit() {
    }
  }

  @Test
  void withTheDemoProfileTheDescriptionNamesTheDemoUser() throws Exception {
    Operation operation = document("demo");

    assertThat(operation.getExtensions()).containsEntry("x-demo-user", "window");
    assertThat(operation.getDescription()).contains("`window` / `demo`");
  }

  @Test
  void withoutItNoDemoPasswordIsDocumented() throws Exception {
    Operation operation = document("postgres", "production");

    assertThat(operation.getExtensions()).isNull();
    assertThat(operation.getDescription()).isNull();
    assertThat(operation.getResponses()).containsKey("401");
  }

  private static Operation document(String... profiles) throws Exception {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles(profiles);
    HandlerMethod method = new HandlerMethod(new Calls(), Calls.class.getMethod("submit"));
    return new ApiDocumentation().demoUsersAndLogin(environment).customize(new Operation(), method);
  }
}

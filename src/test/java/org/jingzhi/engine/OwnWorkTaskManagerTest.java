package org.jingzhi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jingzhi.support.EngineCommands.inCommand;

import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.jingzhi.support.IntegrationTest;
import org.jingzhi.support.Users;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 「待办」 — my units' unclaimed tasks or mine — is counted as the sum of its two parts; the counts are the engine's own
 * list of the same query, for every kind of task that could be counted twice, or wrongly, by the parts.
 */
@IntegrationTest
class OwnWorkTaskManagerTest {

  private static final String ME = "own-work-clerk";
  private static final List<String> MY_UNITS = List.of("own-work-unit-a", "own-work-unit-b");

  @Autowired
  ProcessEngine engine;

  private OwnWorkFixture fixture;

  @BeforeEach
  void tasksOfEveryKind() {
    fixture = new OwnWorkFixture(engine);
    task("unclaimed, my unit", null, "own-work-unit-a");
    task("unclaimed, both my units", null, "own-work-unit-a", "own-work-unit-b");
    task("claimed by me, my unit", ME, "own-work-unit-a");
    task("assigned to me, no unit", ME);
    task("claimed by a colleague, my unit", "own-work-colleague", "own-work-unit-a");
    task("unclaimed, another unit", null, "own-work-unit-c");
    task("unclaimed, my unit and another", null, "own-work-unit-b", "own-work-unit-c");
    Task candidateUserOnly = task("unclaimed, me as candidate user", null);
    engine.getTaskService().addCandidateUser(candidateUserOnly.getId(), ME);
  }

  @AfterEach
  void cleanUp() {
    fixture.removeAll();
  }

  @Test
  void theTodoQueryIsCountedInTwoPartsThatAddUpToTheEnginesList() {
    engine.getIdentityService().setAuthentication(ME, MY_UNITS);

    assertThat(inCommand(engine, CommandContext::getTaskManager)).isInstanceOf(OwnWorkTaskManager.class);
    assertThat(parts(todo())).as("my units' unclaimed tasks, mine").hasSize(2);
    assertThat(todo().list()).extracting(Task::getName).containsExactlyInAnyOrder(
        "unclaimed, my unit", "unclaimed, both my units", "claimed by me, my unit", "assigned to me, no unit",
        "unclaimed, my unit and another");
    assertThat(todo().count()).isEqualTo(5);
    assertThat(todo().active().count()).isEqualTo(5);
    assertThat(todo().suspended().count()).as("the query's suspension state goes to both parts").isZero();
    assertThat(engine.getTaskService().createTaskQuery().or().taskCandidateGroup("own-work-unit-a").taskAssignee(ME).endOr().count())
        .as("one unit or mine").isEqualTo(4);
    assertThat(engine.getTaskService().createTaskQuery().or().taskAssignee(ME).endOr().count()).as("mine alone").isEqualTo(2);
    TaskQuery unitsAlone = engine.getTaskService().createTaskQuery()
        .or().taskCandidateGroup("own-work-unit-a").taskCandidateGroupIn(MY_UNITS).endOr();
    assertThat(parts(unitsAlone)).as("one part: the units' unclaimed tasks, unit a named twice").hasSize(1);
    assertThat(unitsAlone.count()).isEqualTo(3).isEqualTo(unitsAlone.list().size());
  }

  @Test
  void queriesAskingForMoreThanOwnWorkAreCountedByTheEngine() {
    engine.getIdentityService().setAuthentication(ME, MY_UNITS);
    TaskService tasks = engine.getTaskService();

    assertThat(parts(tasks.createTaskQuery().or().taskCandidateGroupIn(MY_UNITS).taskAssignee("own-work-colleague").endOr()))
        .as("or a colleague's").isEmpty();
    assertThat(parts(tasks.createTaskQuery().taskName("unclaimed, my unit").or().taskCandidateGroupIn(MY_UNITS).taskAssignee(ME).endOr()))
        .as("narrowed by a name").isEmpty();
    assertThat(parts(tasks.createTaskQuery().or().taskCandidateGroupIn(MY_UNITS).includeAssignedTasks().taskAssignee(ME).endOr()))
        .as("assigned to anyone").isEmpty();
    TaskQuery twoBranches = tasks.createTaskQuery().or().taskCandidateGroup("own-work-unit-a").taskAssignee(ME).endOr()
        .or().taskCandidateGroup("own-work-unit-b").taskAssignee(ME).endOr();
    assertThat(parts(twoBranches)).as("two or-branches, which must both hold").isEmpty();
    assertThat(parts(tasks.createTaskQuery().or().taskCandidateGroup("own-work-unit-c").taskAssignee(ME).endOr()))
        .as("another unit").isEmpty();
    assertThat(parts(tasks.createTaskQuery().taskCandidateGroupIn(MY_UNITS))).as("no or-branch").isEmpty();

    assertThat(tasks.createTaskQuery().taskName("unclaimed, my unit").or().taskCandidateGroupIn(MY_UNITS).taskAssignee(ME).endOr()
        .count()).isEqualTo(1);
    assertThat(twoBranches.list()).extracting(Task::getName).contains("claimed by me, my unit", "assigned to me, no unit");
    assertThat(twoBranches.count()).isEqualTo(twoBranches.list().size());
  }

  @Test
  void whileARevokeAppliesBothPartsAreCheckedAgainstTheGrantsAsTheWholeQueryIs() {
    fixture.revokeRead(ME, "unclaimed, my unit");
    engine.getIdentityService().setAuthentication(ME, MY_UNITS);

    List<Task> listed = todo().list();

    assertThat(listed).extracting(Task::getName).contains("assigned to me, no unit", "unclaimed, both my units")
        .doesNotContain("unclaimed, my unit");
    assertThat(todo().count()).isEqualTo(listed.size());
  }

  @Test
  void theTodoFilterAsTasklistListsItIsCountedInPartsAndAsManyAsItLists() throws Exception {
    task("market's, unclaimed", null, "market");
    task("market's, claimed by market", "market", "market");
    task("market's, claimed by another", "own-work-colleague", "market");
    Users.actAs(engine.getIdentityService(), "market");
    FilterService filters = engine.getFilterService();
    Filter todo = filters.createFilterQuery().filterName("待办").singleResult();
    TaskQuery extended = fixture.asTasklistExtendsAFilter();

    List<TaskQueryImpl> parts = inCommand(engine, context -> {
      TaskQueryImpl query = (TaskQueryImpl) todo.extend(extended).getQuery();
      query.getQueries().forEach(TunedAuthorizationManagerTest::evaluateExpressions);
      return OwnWorkTaskQuery.disjointParts(query, context.getAuthentication());
    });

    assertThat(parts).hasSize(2);
    List<Task> listed = filters.list(todo.getId(), extended);
    assertThat(listed).extracting(Task::getName).contains("market's, unclaimed", "market's, claimed by market")
        .doesNotContain("market's, claimed by another");
    assertThat(filters.count(todo.getId(), extended)).isEqualTo(listed.size());
    assertThat(filters.count(todo.getId())).isEqualTo(filters.list(todo.getId()).size());
  }

  private TaskQuery todo() {
    return engine.getTaskService().createTaskQuery().or().taskCandidateGroupIn(MY_UNITS).taskAssignee(ME).endOr();
  }

  private List<TaskQueryImpl> parts(TaskQuery query) {
    Authentication user = new Authentication(ME, MY_UNITS);
    return OwnWorkTaskQuery.disjointParts((TaskQueryImpl) query, user);
  }

  private Task task(String name, String assignee, String... candidateGroups) {
    return fixture.task(name, null, assignee, candidateGroups);
  }

}

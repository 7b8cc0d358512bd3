package org.jingzhi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jingzhi.support.EngineCommands.inCommand;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.jingzhi.support.IntegrationTest;
import org.jingzhi.support.UnitTaskProcess;
import org.jingzhi.support.Users;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The unit filters and 「待办」 are listed by {@link OwnWorkListing}'s statement — each task once, without the engine's
 * {@code SELECT DISTINCT} — and list the same tasks, in the same order, page by page, as the engine's own statement.
 */
@IntegrationTest
class OwnWorkListingTest {

  private static final String ME = "own-list-clerk";
  private static final List<String> MY_UNITS = List.of("own-list-unit-a", "own-list-unit-b");
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @Autowired
  ProcessEngine engine;

  private final List<String> caseIds = new ArrayList<>();
  private OwnWorkFixture fixture;

  @BeforeEach
  void tasksOfEveryKind() {
    fixture = new OwnWorkFixture(engine);
    task("unclaimed, my unit, due in 3 h", 3, null, "own-list-unit-a");
    task("unclaimed, both my units, due in 1 h", 1, null, "own-list-unit-a", "own-list-unit-b");
    task("claimed by me, my unit, due in 5 h", 5, ME, "own-list-unit-a");
    task("assigned to me, no unit, due in 2 h", 2, ME);
    task("claimed by a colleague, my unit, overdue", -4, "own-list-colleague", "own-list-unit-a");
    task("unclaimed, another unit, due in 4 h", 4, null, "own-list-unit-c");
    task("unclaimed, my unit and another, due in 30 h", 30, null, "own-list-unit-b", "own-list-unit-c");
    task("unclaimed, my unit, no due date", null, null, "own-list-unit-b");
    task("unclaimed, my unit, overdue", -2, null, "own-list-unit-a");
    Task candidateUserOnly = task("unclaimed, me as candidate user, due in 6 h", 6, null);
    engine.getTaskService().addCandidateUser(candidateUserOnly.getId(), ME);
  }

  @AfterEach
  void cleanUp() {
    fixture.removeAll();
    caseIds.forEach(id -> engine.getRuntimeService().deleteProcessInstance(id, "test over"));
  }

  @Test
  void aUnitsUnclaimedTasksAreListedAsTheEngineListsThemPageByPage() {
    engine.getIdentityService().setAuthentication(ME, MY_UNITS);
    Supplier<TaskQuery> unit = () -> tasks().taskCandidateGroupIn(MY_UNITS).orderByDueDate().asc().orderByTaskCreateTime().desc();

    assertThat(listedOnce(unit.get())).isTrue();
    assertThat(names(unit.get().list())).as("in the engine's order, below: H2 puts no due date first, PostgreSQL last")
        .containsExactlyInAnyOrder("unclaimed, my unit, overdue", "unclaimed, both my units, due in 1 h", "unclaimed, my unit, due in 3 h",
        "unclaimed, my unit and another, due in 30 h", "unclaimed, my unit, no due date");
    assertSameAsTheEngine(unit);
    assertSameAsTheEngine(() -> tasks().taskCandidateGroup("own-list-unit-b").orderByDueDate().desc());
    assertSameAsTheEngine(() -> tasks().taskCandidateGroupIn(MY_UNITS).active().orderByTaskName().asc());
    assertSameAsTheEngine(() -> tasks().taskCandidateGroupIn(MY_UNITS).suspended());
    assertSameAsTheEngine(() -> tasks().taskCandidateGroupIn(MY_UNITS));
  }

  @Test
  void assignedTasksDueDatesAndStepsNarrowTheUnitsListAsTheEnginesDo() {
    caseIds.add(UnitTaskProcess.start(engine, "own-list-unit-a"));
    caseIds.add(UnitTaskProcess.start(engine, "own-list-unit-b"));
    engine.getIdentityService().setAuthentication(ME, MY_UNITS);
    Date inADay = Date.from(NOW.plus(24, ChronoUnit.HOURS));
    Supplier<TaskQuery> dueSoon = () -> tasks().taskCandidateGroupIn(MY_UNITS).includeAssignedTasks().dueBefore(inADay)
        .orderByDueDate().asc();

    assertThat(listedOnce(dueSoon.get())).isTrue();
    assertThat(names(dueSoon.get().list())).containsExactly(
        "claimed by a colleague, my unit, overdue", "unclaimed, my unit, overdue", "unclaimed, both my units, due in 1 h",
        "unclaimed, my unit, due in 3 h", "claimed by me, my unit, due in 5 h");
    assertSameAsTheEngine(dueSoon);
    Supplier<TaskQuery> handling = () -> tasks().taskCandidateGroupIn(MY_UNITS).includeAssignedTasks().taskDefinitionKey("handle")
        .orderByProcessInstanceId().asc();
    assertThat(handling.get().list()).hasSize(2);
    assertSameAsTheEngine(handling);
    assertSameAsTheEngine(() -> tasks().taskCandidateGroup("own-list-unit-b").taskDefinitionKeyIn("handle", "review"));
    assertSameAsTheEngine(() -> tasks().taskCandidateGroupIn(MY_UNITS).taskDefinitionKeyIn("review"));
  }

  @Test
  void aUnitsTasksInTheCaseAClerkHasOpenAreListedAsTheEngineListsThem() {
    String myCase = UnitTaskProcess.start(engine, "own-list-unit-a");
    caseIds.add(myCase);
    caseIds.add(UnitTaskProcess.start(engine, "own-list-unit-a"));
    String anotherUnitsCase = UnitTaskProcess.start(engine, "own-list-unit-c");
    caseIds.add(anotherUnitsCase);
    engine.getIdentityService().setAuthentication(ME, MY_UNITS);
    Supplier<TaskQuery> inMyCase = () -> tasks().processInstanceId(myCase).taskDefinitionKey("handle").taskCandidateGroup("own-list-unit-a");

    assertThat(listedOnce(inMyCase.get())).isTrue();
    assertThat(inMyCase.get().list()).extracting(Task::getProcessInstanceId).as("that case's task alone").containsExactly(myCase);
    List<Task> enginesTasks = PagesAsTheEngine.enginesList(engine, inMyCase.get(), 0, Integer.MAX_VALUE);
    assertThat(inMyCase.get().list()).extracting(Task::getId).as("the very task the engine's statement finds")
        .isEqualTo(enginesTasks.stream().map(Task::getId).toList());
    assertSameAsTheEngine(inMyCase);
    assertSameAsTheEngine(() -> tasks().taskCandidateGroupIn(MY_UNITS).includeAssignedTasks().processInstanceId(myCase));
    assertThat(tasks().taskCandidateGroupIn(MY_UNITS).processInstanceId(anotherUnitsCase).list()).as("my units have no task there")
        .isEmpty();
    Supplier<TaskQuery> anotherUnitsTaskThere = () -> tasks().processInstanceId(anotherUnitsCase).taskCandidateGroup("own-list-unit-c");
    assertThat(listedOnce(anotherUnitsTaskThere.get())).as("another unit's group in its case: grants are checked").isFalse();
    assertThat(anotherUnitsTaskThere.get().list()).as("and I hold none on its task").isEmpty();
    assertThat(listable(tasks().taskCandidateGroupIn(MY_UNITS).processInstanceIdIn(myCase, anotherUnitsCase)))
        .as("several cases: the engine lists them").isFalse();
    assertThat(listable(tasks().processInstanceId(myCase).or().taskCandidateGroupIn(MY_UNITS).taskAssignee(ME).endOr()))
        .as("「待办」 of one case: the engine lists it").isFalse();
  }

  @Test
  void theTodoListIsMyUnitsUnclaimedTasksOrMineAsTheEngineListsIt() {
    engine.getIdentityService().setAuthentication(ME, MY_UNITS);
    Supplier<TaskQuery> todo = () -> tasks().or().taskCandidateGroupIn(MY_UNITS).taskAssignee(ME).endOr().active()
        .orderByDueDate().asc();

    assertThat(listedOnce(todo.get())).isTrue();
    assertThat(names(todo.get().list())).containsExactlyInAnyOrder(
        "unclaimed, my unit, overdue", "unclaimed, both my units, due in 1 h", "assigned to me, no unit, due in 2 h",
        "unclaimed, my unit, due in 3 h", "claimed by me, my unit, due in 5 h", "unclaimed, my unit and another, due in 30 h",
        "unclaimed, my unit, no due date");
    assertSameAsTheEngine(todo);
    assertSameAsTheEngine(() -> tasks().or().taskCandidateGroup("own-list-unit-a").taskAssignee(ME).endOr().orderByDueDate().desc());
    assertSameAsTheEngine(() -> tasks().or().taskCandidateGroup("own-list-unit-a").taskCandidateGroupIn(MY_UNITS).taskAssignee(ME)
        .endOr());
  }

  @Test
  void tasksDueAtTheSameMomentComeOnceEachPageByPage() {
    Date endOfDay = Date.from(NOW.plus(40, ChronoUnit.HOURS));
    for (int i = 1; i <= 4; i++) {
      fixture.task("unclaimed, due at the day's end, " + i, endOfDay, null, "own-list-unit-a");
      fixture.task("mine, due at the day's end, " + i, endOfDay, ME);
    }
    engine.getIdentityService().setAuthentication(ME, MY_UNITS);

    for (Supplier<TaskQuery> query : List.<Supplier<TaskQuery>>of(
        () -> tasks().taskCandidateGroupIn(MY_UNITS).orderByDueDate().asc(),
        () -> tasks().or().taskCandidateGroupIn(MY_UNITS).taskAssignee(ME).endOr().orderByDueDate().asc())) {
      assertThat(listedOnce(query.get())).isTrue();
      List<String> all = names(query.get().list());
      assertThat(all).as("the same tasks as the engine's statement, ties in any order")
          .containsExactlyInAnyOrderElementsOf(enginesList(query.get(), 0, Integer.MAX_VALUE)).doesNotHaveDuplicates();
      for (int size = 1; size <= 3; size++) {
        List<String> paged = new ArrayList<>();
        for (int first = 0; first < all.size(); first += size) {
          paged.addAll(names(query.get().listPage(first, size)));
        }
        assertThat(paged).as("pages of %d", size).isEqualTo(all);
      }
    }
  }

  @Test
  void queriesAskingForMoreAreListedByTheEngine() {
    TaskService tasks = engine.getTaskService();

    assertThat(listable(tasks.createTaskQuery().taskCandidateGroupIn(MY_UNITS).taskName("unclaimed, my unit, overdue")))
        .as("narrowed by a name").isFalse();
    assertThat(listable(tasks.createTaskQuery().taskCandidateUser(ME))).as("a candidate user").isFalse();
    assertThat(listable(tasks.createTaskQuery().taskCandidateGroupLike("own-list-%"))).as("a group pattern").isFalse();
    assertThat(listable(tasks.createTaskQuery().taskCandidateGroupIn(MY_UNITS).taskAssignee(ME))).as("and assigned to me").isFalse();
    assertThat(listable(tasks.createTaskQuery().taskCandidateGroupIn(MY_UNITS).processVariableValueEquals("unit", "x")))
        .as("a variable").isFalse();
    assertThat(listable(tasks.createTaskQuery().taskCandidateGroupIn(MY_UNITS).orderByDueDate().asc().orderByTaskNameCaseInsensitive().asc()))
        .as("ordered by a function of a column").isFalse();
    assertThat(listable(tasks.createTaskQuery().taskCandidateGroupIn(MY_UNITS).processDefinitionKey(UnitTaskProcess.KEY)))
        .as("a process, whose definition is joined").isFalse();
    assertThat(listable(tasks.createTaskQuery().taskAssignee(ME))).as("no candidate group").isFalse();
    assertThat(listable(tasks.createTaskQuery().or().taskCandidateGroupIn(MY_UNITS).taskAssignee(ME).includeAssignedTasks().endOr()))
        .as("an or-branch with the groups' assigned tasks, which may be the assignee's too").isFalse();
    assertThat(listable(tasks.createTaskQuery().or().taskCandidateGroupIn(MY_UNITS).taskName("x").endOr()))
        .as("an or-branch without an assignee").isFalse();
    assertThat(listable(tasks.createTaskQuery().dueBefore(new Date()).or().taskCandidateGroupIn(MY_UNITS).taskAssignee(ME).endOr()))
        .as("an or-branch with more asked around it").isFalse();
    assertThat(listable(tasks.createTaskQuery().or().taskCandidateGroupIn(MY_UNITS).taskAssignee(ME).endOr()
        .or().taskCandidateGroup("own-list-unit-a").taskAssignee(ME).endOr())).as("two or-branches").isFalse();
  }

  @Test
  void anotherUnitsTasksAreListedByTheEngineWithItsGrantCheck() {
    engine.getIdentityService().setAuthentication(ME, MY_UNITS);
    TaskQuery anotherUnits = tasks().taskCandidateGroup("own-list-unit-c").orderByDueDate().asc();

    assertThat(OwnWorkTaskQuery.listableOnce((TaskQueryImpl) anotherUnits)).as("the statement could list it").isTrue();
    assertThat(listedOnce(anotherUnits)).as("but the user is not of that unit: grants are checked").isFalse();
    assertThat(names(anotherUnits.list())).as("only what one of my units shares with it")
        .containsExactly("unclaimed, my unit and another, due in 30 h");
    assertThat(listedOnce(tasks().or().taskCandidateGroupIn(MY_UNITS).taskAssignee("own-list-colleague").endOr()))
        .as("or a colleague's").isFalse();
    assertThat(tasks().or().taskCandidateGroup("own-list-unit-c").taskAssignee(ME).endOr().list()).extracting(Task::getName)
        .containsExactlyInAnyOrder("assigned to me, no unit, due in 2 h", "claimed by me, my unit, due in 5 h",
            "unclaimed, my unit and another, due in 30 h");
  }

  @Test
  void whileARevokeAppliesTheEnginesStatementChecksTheGrants() {
    fixture.revokeRead(ME, "unclaimed, my unit, due in 3 h");
    engine.getIdentityService().setAuthentication(ME, MY_UNITS);

    assertThat(listedOnce(tasks().taskCandidateGroupIn(MY_UNITS))).isFalse();
    assertThat(names(tasks().taskCandidateGroupIn(MY_UNITS).list()))
        .contains("unclaimed, both my units, due in 1 h").doesNotContain("unclaimed, my unit, due in 3 h");
    assertThat(names(tasks().or().taskCandidateGroupIn(MY_UNITS).taskAssignee(ME).endOr().list()))
        .contains("assigned to me, no unit, due in 2 h").doesNotContain("unclaimed, my unit, due in 3 h");
  }

  @Test
  void tasklistsFiltersAsItExtendsThemAreListedOnceAndAsManyAsTheyCount() throws Exception {
    task("market's, unclaimed, overdue", -1, null, "market");
    task("market's, claimed by market, due in 2 h", 2, "market", "market");
    task("market's, claimed by another, due in 3 h", 3, "own-list-colleague", "market");
    Users.actAs(engine.getIdentityService(), "market");
    FilterService filters = engine.getFilterService();
    TaskQuery extended = fixture.asTasklistExtendsAFilter();

    for (String name : List.of("待办", "本单位待办", "即将超期", "部门审查")) {
      Filter filter = filters.createFilterQuery().filterName(name).singleResult();
      boolean listedOnce = inCommand(engine, context -> {
        TaskQueryImpl query = (TaskQueryImpl) filter.extend(extended).getQuery();
        query.getQueries().forEach(TunedAuthorizationManagerTest::evaluateExpressions);
        return ((OwnWorkTaskManager) context.getTaskManager()).configuredListing(query).isPresent();
      });
      assertThat(listedOnce).as(name).isTrue();
      assertThat(filters.count(filter.getId(), extended)).as(name).isEqualTo(filters.list(filter.getId(), extended).size());
    }
    Filter todo = filters.createFilterQuery().filterName("待办").singleResult();
    assertThat(names(filters.listPage(todo.getId(), extended, 1, 2)))
        .isEqualTo(names(filters.list(todo.getId(), extended)).stream().skip(1).limit(2).toList());
    assertThat(names(filters.list(todo.getId(), extended))).contains("market's, claimed by market, due in 2 h")
        .doesNotContain("market's, claimed by another, due in 3 h");
    Filter dueSoon = filters.createFilterQuery().filterName("即将超期").singleResult();
    assertThat(names(filters.list(dueSoon.getId(), extended))).contains("market's, unclaimed, overdue",
        "market's, claimed by market, due in 2 h", "market's, claimed by another, due in 3 h");
  }

  /** Listed by the statement, page by page as the engine's own statement lists them. */
  private void assertSameAsTheEngine(Supplier<TaskQuery> query) {
    assertThat(listedOnce(query.get())).as("listed by the statement").isTrue();
    PagesAsTheEngine.assertSame(engine, query, OwnWorkListingTest::names);
  }

  private List<String> enginesList(TaskQuery query, int first, int size) {
    return names(PagesAsTheEngine.enginesList(engine, query, first, size));
  }

  private boolean listedOnce(TaskQuery query) {
    return inCommand(engine, context -> ((OwnWorkTaskManager) context.getTaskManager()).configuredListing((TaskQueryImpl) query))
        .isPresent();
  }

  private boolean listable(TaskQuery query) {
    return OwnWorkTaskQuery.listableOnce((TaskQueryImpl) query);
  }

  private TaskQuery tasks() {
    return engine.getTaskService().createTaskQuery();
  }

  private static List<String> names(List<Task> tasks) {
    return tasks.stream().map(Task::getName).toList();
  }

  private Task task(String name, Integer dueInHours, String assignee, String... candidateGroups) {
    return fixture.task(name, dueInHours == null ? null : Date.from(NOW.plus(dueInHours, ChronoUnit.HOURS)), assignee, candidateGroups);
  }
}

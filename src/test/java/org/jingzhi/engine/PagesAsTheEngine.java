package org.jingzhi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jingzhi.support.EngineCommands.inCommand;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;

/** Our task statements' lists compared with the engine's own statement's, page by page. */
final class PagesAsTheEngine {

  private PagesAsTheEngine() {
  }

  /** The whole list and every page of one to three tasks, shown as {@code shown} shows them, as the engine's statement lists them. */
  static void assertSame(ProcessEngine engine, Supplier<TaskQuery> query, Function<List<Task>, List<String>> shown) {
    List<String> all = shown.apply(query.get().list());
    assertThat(all).isEqualTo(shown.apply(enginesList(engine, query.get(), 0, Integer.MAX_VALUE)));
    for (int size = 1; size <= 3; size++) {
      for (int first = 0; first <= all.size(); first += size) {
        assertThat(shown.apply(query.get().listPage(first, size))).as("page from %d, %d a page", first, size)
            .isEqualTo(shown.apply(enginesList(engine, query.get(), first, size)));
      }
    }
  }

  /** The page as the engine's own statement lists it. */
  static List<Task> enginesList(ProcessEngine engine, TaskQuery query, int first, int size) {
    TaskQueryImpl asked = (TaskQueryImpl) query;
    asked.setFirstResult(first);
    asked.setMaxResults(size);
    return inCommand(engine, context -> new TaskManager().findTasksByQueryCriteria(asked));
  }
}

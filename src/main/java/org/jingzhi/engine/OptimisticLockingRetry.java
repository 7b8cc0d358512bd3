package org.jingzhi.engine;

import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Completing parallel sibling tasks at the same moment makes all but one transaction fail with an
 * {@link OptimisticLockingException}; the engine leaves the retry to the caller. This interceptor is
 * that caller for every client (Tasklist, REST, our API): it runs a task completion, form submission
 * or message correlation again in a fresh transaction. It only acts on the outermost command with no
 * surrounding transaction, where a rerun starts from a clean state.
 */
public class OptimisticLockingRetry extends CommandInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(OptimisticLockingRetry.class);
  private static final Set<Class<?>> RETRIED = Set.of(CompleteTaskCmd.class, SubmitTaskFormCmd.class, CorrelateMessageCmd.class);

  private final int attempts;
  private final AtomicLong reruns = new AtomicLong();

  public OptimisticLockingRetry(int attempts) {
    this.attempts = Math.max(1, attempts);
  }

  /** How many commands were run again since start: a measure of contention. */
  public long reruns() {
    return reruns.get();
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (!RETRIED.contains(command.getClass()) || Context.getCommandContext() != null
        || TransactionSynchronizationManager.isActualTransactionActive()) {
      return next.execute(command);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return next.execute(command);
      } catch (OptimisticLockingException e) {
        if (attempt >= attempts) {
          throw e;
        }
        reruns.incrementAndGet();
        LOG.debug("{} lost an optimistic-locking race (attempt {} of {}); running it again", command.getClass().getSimpleName(), attempt, attempts);
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(5_000_000L, 25_000_000L) * attempt);
      }
    }
  }
}

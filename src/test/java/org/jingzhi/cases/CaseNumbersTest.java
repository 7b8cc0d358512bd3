package org.jingzhi.cases;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Case and event numbers: each issued once, without one case's start waiting for another's to commit. */
@IntegrationTest
class CaseNumbersTest {

  @Autowired
  CaseNumbers numbers;
  @Autowired
  PlatformTransactionManager transactions;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aNumberIsIssuedWhileAnotherStartHoldsItsOwnUncommitted() throws Exception {
    CountDownLatch firstIssued = new CountDownLatch(1);
    CountDownLatch firstMayCommit = new CountDownLatch(1);
    ExecutorService starts = Executors.newFixedThreadPool(2);
    try {
      Future<String> first = starts.submit(() -> inTransaction(() -> {
        String number = numbers.next(CaseNumbers.EVENT, "numbers-first-" + UUID.randomUUID());
        firstIssued.countDown();
        firstMayCommit.await(30, SECONDS);
        return number;
      }));
      assertThat(firstIssued.await(10, SECONDS)).isTrue();

      String second = starts.submit(() -> inTransaction(() -> numbers.next(CaseNumbers.EVENT, "numbers-second-" + UUID.randomUUID())))
          .get(5, SECONDS);
      firstMayCommit.countDown();

      assertThat(second).startsWith("SJ-").isNotEqualTo(first.get(10, SECONDS));
    } finally {
      firstMayCommit.countDown();
      starts.shutdownNow();
    }
  }

  @Test
  void aStartThatFailsLeavesAGapAndItsNumberIsNoCase() {
    String before = inTransaction(() -> numbers.next(CaseNumbers.JOINT_APPROVAL, "numbers-before-" + UUID.randomUUID()));
    String failed = new TransactionTemplate(transactions).execute(status -> {
      status.setRollbackOnly();
      return numbers.next(CaseNumbers.JOINT_APPROVAL, "numbers-failed-" + UUID.randomUUID());
    });
    String after = inTransaction(() -> numbers.next(CaseNumbers.JOINT_APPROVAL, "numbers-after-" + UUID.randomUUID()));

    assertThat(counter(after)).isEqualTo(counter(before) + 2).isEqualTo(counter(failed) + 1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jz_case_number WHERE number IN (?, ?, ?)", Integer.class, before, failed, after))
        .as("the failed start's number is no case").isEqualTo(2);
  }

  private <T> T inTransaction(Callable<T> work) {
    return new TransactionTemplate(transactions).execute(status -> {
      try {
        return work.call();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static long counter(String number) {
    return Long.parseLong(number.substring(number.lastIndexOf('-') + 1));
  }
}

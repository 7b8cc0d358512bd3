package org.jingzhi.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a run's processor time goes on this machine: this JVM's (the client, the platform and the bare engine share it)
 * and PostgreSQL's server processes' (from Linux's {@code /proc}; -1 elsewhere). Both in milliseconds since the machine
 * started counting; a run's share is the difference.
 */
record CpuTime(long jvmMillis, long databaseMillis) {

  /** Linux's clock ticks per second, as {@code /proc/<pid>/stat} counts. */
  private static final long TICKS_PER_SECOND = 100;

  static CpuTime now() {
    return new CpuTime(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime()
        / 1_000_000, postgresMillis());
  }

  CpuTime plus(CpuTime other) {
    return new CpuTime(jvmMillis + other.jvmMillis, databaseMillis < 0 || other.databaseMillis < 0 ? -1 : databaseMillis + other.databaseMillis);
  }

  CpuTime minus(CpuTime before) {
    return new CpuTime(jvmMillis - before.jvmMillis,
        databaseMillis < 0 || before.databaseMillis < 0 ? -1 : databaseMillis - before.databaseMillis);
  }

  /**
   * User and system time of every process named {@code postgres}: the server's backends, one per pooled connection, and its
   * background processes. A backend that exits in between takes its time with it, so the pools' connections — kept open
   * through a run — carry nearly all of it.
   */
  private static long postgresMillis() {
    Path proc = Path.of("/proc");
    if (!Files.isDirectory(proc)) {
      return -1;
    }
    long ticks = 0;
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(proc, entry -> entry.getFileName().toString().matches("\\d+"))) {
      for (Path process : processes) {
        ticks += postgresTicks(process);
      }
    } catch (IOException e) {
      return -1;
    }
    return ticks * 1000 / TICKS_PER_SECOND;
  }

  private static long postgresTicks(Path process) {
    try {
      String stat = Files.readString(process.resolve("stat"));
      int nameEnd = stat.lastIndexOf(')');
      if (!stat.substring(stat.indexOf('(') + 1, nameEnd).equals("postgres")) {
        return 0;
      }
      // after the name: state is field 3, utime field 14, stime field 15
      String[] fields = stat.substring(nameEnd + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
  }
}

package org.jingzhi.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * A Java Flight Recorder recording of one measured window alone ({@code -Dbenchmark.profile=<directory>}): a whole-run
 * recording mixes in the warm-ups, during which the JIT compiles the engine code both servers share, and so understates
 * the difference between them. One file a window, named after its database and the window's number in the run
 * ({@code jingzhi_bare-1.jfr}, {@code jingzhi_bench-2.jfr}); a file of the same name from an earlier run is replaced.
 * The recorder starts before the warm-ups ({@link #prepare}): its first start slows the code running then (the first
 * profiled window of a run took 730 request-thread samples for the bare engine's 200 cases, against 445 for Jingzhi's).
 */
final class ProfiledWindow implements AutoCloseable {

  private static int windows;

  private final Recording recording;
  private final Path file;

  private ProfiledWindow(Recording recording, Path file) {
    this.recording = recording;
    this.file = file;
  }

  /**
   * When profiling, starts a recording that runs until the JVM exits, so that the windows' own recordings only add a
   * file each and their windows do not pay for the recorder's start.
   */
  static void prepare() throws IOException, ParseException {
    if (directory() != null) {
      Recording whole = new Recording(Configuration.getConfiguration("profile"));
      whole.setMaxAge(Duration.ofMinutes(1));
      whole.start();
    }
  }

  private static String directory() {
    String directory = System.getProperty("benchmark.profile");
    return directory == null || directory.isBlank() ? null : directory;
  }

  /** Starts recording when {@code benchmark.profile} names a directory; otherwise records nothing. */
  static ProfiledWindow start(String database) throws IOException, ParseException {
    String directory = directory();
    if (directory == null) {
      return new ProfiledWindow(null, null);
    }
    Files.createDirectories(Path.of(directory));
    Recording recording = new Recording(Configuration.getConfiguration("profile"));
    recording.start();
    return new ProfiledWindow(recording, Path.of(directory, database + "-" + (++windows) + ".jfr"));
  }

  @Override
  public void close() throws IOException {
    if (recording != null) {
      try {
        recording.stop();
        recording.dump(file);
        System.out.println("profile of the window: " + file.toAbsolutePath());
      } finally {
        recording.close();
      }
    }
  }
}

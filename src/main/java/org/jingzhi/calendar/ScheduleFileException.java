package org.jingzhi.calendar;

import org.jingzhi.web.InvalidRequestException;

/** A holiday schedule file that cannot be loaded, with the line (from 1) where the problem is. */
public class ScheduleFileException extends InvalidRequestException {

  private final int line;

  public ScheduleFileException(int line, String problem) {
    super("节假日安排第 " + line + " 行：" + problem);
    this.line = line;
  }

  public int line() {
    return line;
  }
}

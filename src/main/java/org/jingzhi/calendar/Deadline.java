package org.jingzhi.calendar;

import java.time.LocalDate;

/**
 * The n-th working day after a start day. {@code provisional} is true when a day in between falls
 * in a year whose holiday schedule is not loaded, so only weekends were skipped there.
 */
public record Deadline(LocalDate start, int workingDays, LocalDate deadline, boolean provisional) {
}

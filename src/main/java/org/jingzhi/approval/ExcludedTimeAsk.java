package org.jingzhi.approval;

/**
 * A department starts time not counted in its limits: {@code kind} hearing | testing | expert-review | tendering, how many
 * working days it is expected to take, and what it is for (the applicant is told).
 */
public record ExcludedTimeAsk(String kind, Integer expectedWorkingDays, String reason) {
}

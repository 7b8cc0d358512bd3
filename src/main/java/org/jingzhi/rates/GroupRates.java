package org.jingzhi.rates;

/**
 * The rates of one unit, level, category or department; a rate is null when its denominator is zero.
 * {@code overdue}: the limits the group missed.
 */
public record GroupRates(String key, String name, int assigned, int respondedInTime, Double responseRate, int resolved,
                         int resolvedOnTime, Double onTimeRate, int visitsAnswered, int visitsResolved, Double resolutionRate,
                         int visitsSatisfied, Double satisfactionRate, int overdue) {
}

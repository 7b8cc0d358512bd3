package org.jingzhi.rates;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/rates}: events reported from {@code from} to {@code to} (both days included), per group, in
 * total, and in total per week of report ({@code weeks}: key the week's Monday, every week of the period).
 */
public record RatesReport(LocalDate from, LocalDate to, String groupBy, int events, List<GroupRates> groups, GroupRates total,
                          List<GroupRates> weeks) {
}

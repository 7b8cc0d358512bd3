package org.jingzhi.rates;

import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/rates}: events reported from {@code from} to {@code to} (both days included). */
public record RatesReport(LocalDate from, LocalDate to, String groupBy, int events, List<GroupRates> groups, GroupRates total) {
}

package org.jingzhi.cockpit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jingzhi.rates.GroupRates;
import org.jingzhi.rates.Rates;
import org.jingzhi.rates.RatesQuery;
import org.jingzhi.rates.RatesReport;
import org.springframework.stereotype.Component;

/** 「绩效统计」: the rates of {@code /api/rates}, each marked against its target. */
@Component
class RatesBoard {

  private final Rates rates;
  private final RateTargets targets;

  RatesBoard(Rates rates, RateTargets targets) {
    this.rates = rates;
    this.targets = targets;
  }

  Board of(RatesQuery query) {
    RatesReport report = rates.compute(query);
    return new Board(report.from().toString(), report.to().toString(), report.groupBy(), report.events(), targets,
        report.groups().stream().map(this::marked).toList(), marked(report.total()), report.weeks().stream().map(this::marked).toList());
  }

  private MarkedGroup marked(GroupRates group) {
    Map<String, String> marks = new LinkedHashMap<>();
    marks.put("responseRate", targets.mark(group.responseRate(), targets.response()));
    marks.put("onTimeRate", targets.mark(group.onTimeRate(), targets.onTime()));
    marks.put("resolutionRate", targets.mark(group.resolutionRate(), targets.resolution()));
    marks.put("satisfactionRate", targets.mark(group.satisfactionRate(), targets.satisfaction()));
    return new MarkedGroup(group, marks);
  }

  /** A group's rates and, per rate, its mark (green, amber, red, none). */
  public record MarkedGroup(GroupRates rates, Map<String, String> marks) {
  }

  /** {@code weeks}: the totals per week of report, for the trend chart. */
  public record Board(String from, String to, String groupBy, int events, RateTargets targets, List<MarkedGroup> groups, MarkedGroup total,
                      List<MarkedGroup> weeks) {
  }
}

package org.jingzhi.cockpit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.jingzhi.calendar.CalendarProperties;
import org.jingzhi.calendar.Period;
import org.jingzhi.organization.Organization;
import org.jingzhi.supervision.OverdueRecords;
import org.jingzhi.web.InvalidRequestException;
import org.springframework.context.ApplicationContext;

/** {@code GET …/overdue-records?from=2026-11-01&to=2026-11-30}: the missed limits recorded in a period, counted per unit. */
public class OverdueRecordsResource extends OverseerResource {

  OverdueRecordsResource(String engineName, ApplicationContext beans) {
    super(engineName, beans);
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public PerUnit counts(@QueryParam("from") String from, @QueryParam("to") String to) {
    OverdueRecords records = forOverseer(OverdueRecords.class);
    Period period;
    try {
      period = Period.of(from, to);
    } catch (InvalidRequestException e) {
      throw badRequest(e.getMessage());
    }
    ZoneId zone = bean(CalendarProperties.class).getZone();
    Date start = Date.from(period.from().atStartOfDay(zone).toInstant());
    Date until = Date.from(period.to().plusDays(1).atStartOfDay(zone).toInstant());
    Organization organization = bean(Organization.class);
    List<UnitCount> units = records.countByUnit(start, until).entrySet().stream()
        .map(entry -> new UnitCount(entry.getKey(), organization.shortName(entry.getKey()), entry.getValue())).toList();
    return new PerUnit(period.from().toString(), period.to().toString(), units.stream().mapToLong(UnitCount::count).sum(), units);
  }

  public record UnitCount(String unit, String unitName, long count) {
  }

  public record PerUnit(String from, String to, long total, List<UnitCount> units) {
  }
}

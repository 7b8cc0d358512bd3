package org.jingzhi.cockpit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jingzhi.rates.RatesQuery;
import org.jingzhi.web.InvalidRequestException;
import org.springframework.context.ApplicationContext;

/**
 * {@code GET …/rates?from=2026-11-01&to=2026-11-30&groupBy=unit}: 「绩效统计」, the rates of
 * {@code /api/rates} marked against their targets; {@code …/rates/xlsx} the same as an Excel file.
 */
public class RatesResource extends OverseerResource {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  RatesResource(String engineName, ApplicationContext beans) {
    super(engineName, beans);
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public RatesBoard.Board board(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("groupBy") String groupBy) {
    RatesBoard board = forOverseer(RatesBoard.class);
    return board.of(query(from, to, groupBy));
  }

  @GET
  @Path("xlsx")
  @Produces(XLSX)
  public Response workbook(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("groupBy") String groupBy) {
    RatesBoard.Board board = forOverseer(RatesBoard.class).of(query(from, to, groupBy));
    byte[] file = bean(RatesWorkbook.class).write(board);
    return Response.ok(file, XLSX)
        .header("Content-Disposition", "attachment; filename=\"rates-" + board.from() + "-" + board.to() + ".xlsx\"").build();
  }

  private static RatesQuery query(String from, String to, String groupBy) {
    try {
      return RatesQuery.of(from, to, groupBy);
    } catch (InvalidRequestException e) {
      throw badRequest(e.getMessage());
    }
  }
}

package org.jingzhi.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.Map;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.jingzhi.escalation.Events;
import org.jingzhi.escalation.ReportedEvent;
import org.jingzhi.support.Clock;
import org.jingzhi.support.EngineApi;
import org.jingzhi.support.EventSteps;
import org.jingzhi.support.Http;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 「绩效统计」 through the plugin's API: the rates of /api/rates, marked against the targets, and as .xlsx. */
@IntegrationTest
class RatesBoardTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String RATES = "/camunda/api/cockpit/plugin/jingzhi-supervision/default/rates";
  static final String JUNE_FIRST = "?from=2026-06-01&to=2026-06-01&groupBy=unit";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  Events events;

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  @Test
  void theRatesOfTheApiAreMarkedAgainstTheTargetsAndExported() throws Exception {
    EventSteps steps = new EventSteps(engine, events);
    ReportedEvent answered = steps.oneAnsweredInTimeOneLate(2026, 6, 1);
    Clock.set(2026, 6, 1, 16, 0);
    steps.complete("liuan", steps.handle(answered), Map.of("action", "resolve", "note", "已劝离"));
    Clock.set(2026, 6, 2, 10, 0);
    steps.visit(answered, "satisfied", "yes");
    EngineApi webapp = EngineApi.webapp(port);

    JsonNode board = JSON.readTree(webapp.get("supervisor", RATES + JUNE_FIRST).body());
    JsonNode api = JSON.readTree(new Http(port).get("supervisor", "/api/rates" + JUNE_FIRST).body());
    JsonNode liuan = board.get("groups").get(0);
    assertThat(liuan.get("rates")).isEqualTo(api.get("groups").get(0));
    assertThat(liuan.at("/rates/name").asText()).isEqualTo("柳岸社区");
    assertThat(liuan.at("/rates/responseRate").asDouble()).isEqualTo(0.5);
    assertThat(liuan.at("/marks/responseRate").asText()).as("0.5 against 0.95").isEqualTo("red");
    assertThat(liuan.at("/marks/satisfactionRate").asText()).as("1.0 against 0.90").isEqualTo("green");
    assertThat(board.at("/targets/response").asDouble()).isEqualTo(0.95);
    assertThat(board.get("weeks")).as("the trend: one week, Monday 2026-06-01").hasSize(1);
    assertThat(board.at("/weeks/0/rates/key").asText()).isEqualTo("2026-06-01");
    assertThat(board.at("/weeks/0/rates/assigned").asInt()).isEqualTo(board.at("/total/rates/assigned").asInt());
    assertThat(api.get("weeks").get(0)).isEqualTo(board.at("/weeks/0/rates"));

    HttpResponse<String> raw = webapp.get("supervisor", RATES + "/xlsx" + JUNE_FIRST).raw();
    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(RatesResource.XLSX));
    assertThat(raw.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"rates-2026-06-01-2026-06-01.xlsx\"");
  }

  @Test
  void theWorkbookHoldsTheTableWithItsMarks() throws Exception {
    RatesBoard.Board board = new RatesBoard.Board("2026-06-01", "2026-06-01", "unit", 2, new RateTargets(0.95, 0.9, 0.85, 0.9, 0.05),
        java.util.List.of(new RatesBoard.MarkedGroup(new org.jingzhi.rates.GroupRates("990101001001", "柳岸社区", 2, 1, 0.5, 1, 1, 1.0, 1, 1,
            1.0, 1, 1.0, 1), Map.of("responseRate", "red", "onTimeRate", "green", "resolutionRate", "green", "satisfactionRate", "green"))),
        new RatesBoard.MarkedGroup(new org.jingzhi.rates.GroupRates("total", "合计", 2, 1, 0.5, 1, 1, 1.0, 1, 1, 1.0, 1, 1.0, 1),
            Map.of("responseRate", "red", "onTimeRate", "green", "resolutionRate", "green", "satisfactionRate", "none")),
        java.util.List.of(new RatesBoard.MarkedGroup(new org.jingzhi.rates.GroupRates("2026-06-01", "06-01 周", 25, 23, 0.92, 1, 1, 1.0, 1, 1,
            1.0, 1, 1.0, 0), Map.of("responseRate", "amber", "onTimeRate", "green", "resolutionRate", "green", "satisfactionRate", "green"))));

    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(new RatesWorkbook().write(board)))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("响应率");
      Row liuan = sheet.getRow(1);
      assertThat(liuan.getCell(0).getStringCellValue()).isEqualTo("柳岸社区");
      assertThat(liuan.getCell(3).getNumericCellValue()).isEqualTo(0.5);
      assertThat(liuan.getCell(3).getCellStyle().getFillForegroundColor()).isEqualTo(IndexedColors.ROSE.getIndex());
      assertThat(liuan.getCell(11).getCellStyle().getFillForegroundColor()).isEqualTo(IndexedColors.LIGHT_GREEN.getIndex());
      assertThat(sheet.getRow(0).getCell(12).getStringCellValue()).isEqualTo("超期");
      assertThat(liuan.getCell(12).getNumericCellValue()).isEqualTo(1);
      assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("合计");
      Row week = workbook.getSheet("按周趋势").getRow(1);
      assertThat(week.getCell(0).getStringCellValue()).isEqualTo("06-01 周");
      assertThat(week.getCell(3).getCellStyle().getFillForegroundColor()).as("amber").isEqualTo(IndexedColors.LIGHT_ORANGE.getIndex());
    }
  }

  @Test
  void aRateJustBelowItsTargetIsAmberFurtherBelowRed() {
    RateTargets targets = new RateTargets(0.95, 0.9, 0.85, 0.9, 0.05);
    assertThat(targets.mark(0.95, targets.response())).isEqualTo("green");
    assertThat(targets.mark(0.92, targets.response())).isEqualTo("amber");
    assertThat(targets.mark(0.90, targets.response())).as("exactly the margin below").isEqualTo("amber");
    assertThat(targets.mark(0.89, targets.response())).isEqualTo("red");
    assertThat(targets.mark(null, targets.response())).isEqualTo("none");
  }

  @Test
  void badPeriodsGet400AndOthers403() {
    EngineApi webapp = EngineApi.webapp(port);

    Http.Response reversed = webapp.get("supervisor", RATES + "?from=2026-06-02&to=2026-06-01");
    assertThat(reversed.status()).isEqualTo(400);
    assertThat(reversed.body()).contains("统计区间须满足 from ≤ to");
    assertThat(webapp.get("supervisor", RATES + "?from=2025-01-01&to=2026-06-01").status()).isEqualTo(400);
    assertThat(webapp.get("supervisor", RATES + "/xlsx?from=x&to=2026-06-01").status()).isEqualTo(400);
    assertThat(webapp.get("supervisor", RATES + "?from=2026-06-01&to=2026-06-01&groupBy=planet").body()).contains("unit、level");
    assertThat(webapp.get("market", RATES + JUNE_FIRST).status()).isEqualTo(403);
    assertThat(webapp.get("city", RATES + JUNE_FIRST).status()).isEqualTo(200);
  }
}

package org.jingzhi.cockpit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jingzhi.rates.GroupRates;
import org.springframework.stereotype.Component;

/** The .xlsx of 「绩效统计」: the table the page shows, with the same marks as cell colours. */
@Component
class RatesWorkbook {

  static final List<String> HEADER = List.of("分组", "派单数", "按时响应", "响应率", "办结数", "按时办结", "按时办结率", "回访数", "已解决",
      "解决率", "满意", "满意率", "超期");
  private static final Map<String, IndexedColors> COLOURS = Map.of("green", IndexedColors.LIGHT_GREEN, "amber",
      IndexedColors.LIGHT_ORANGE, "red", IndexedColors.ROSE);

  byte[] write(RatesBoard.Board board) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("绩效统计 " + board.from() + " 至 " + board.to());
      Row header = sheet.createRow(0);
      for (int column = 0; column < HEADER.size(); column++) {
        header.createCell(column).setCellValue(HEADER.get(column));
      }
      Map<String, CellStyle> styles = new HashMap<>();
      COLOURS.forEach((mark, colour) -> {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
        style.setFillForegroundColor(colour.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        styles.put(mark, style);
      });
      CellStyle plain = workbook.createCellStyle();
      plain.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
      styles.put("none", plain);
      int rowIndex = 1;
      for (RatesBoard.MarkedGroup group : board.groups()) {
        write(sheet.createRow(rowIndex++), group, styles);
      }
      write(sheet.createRow(rowIndex), board.total(), styles);
      widen(sheet);
      Sheet trend = workbook.createSheet("按周趋势");
      Row trendHeader = trend.createRow(0);
      for (int column = 0; column < HEADER.size(); column++) {
        trendHeader.createCell(column).setCellValue(column == 0 ? "报告周（周一）" : HEADER.get(column));
      }
      rowIndex = 1;
      for (RatesBoard.MarkedGroup week : board.weeks()) {
        write(trend.createRow(rowIndex++), week, styles);
      }
      widen(trend);
      workbook.write(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fixed widths: measuring text needs fonts, which a server image may not have. */
  private static void widen(Sheet sheet) {
    sheet.setColumnWidth(0, 24 * 256);
    for (int column = 1; column < HEADER.size(); column++) {
      sheet.setColumnWidth(column, 12 * 256);
    }
  }

  private static void write(Row row, RatesBoard.MarkedGroup group, Map<String, CellStyle> styles) {
    GroupRates rates = group.rates();
    row.createCell(0).setCellValue(rates.name());
    row.createCell(1).setCellValue(rates.assigned());
    row.createCell(2).setCellValue(rates.respondedInTime());
    rate(row, 3, rates.responseRate(), styles.get(group.marks().get("responseRate")));
    row.createCell(4).setCellValue(rates.resolved());
    row.createCell(5).setCellValue(rates.resolvedOnTime());
    rate(row, 6, rates.onTimeRate(), styles.get(group.marks().get("onTimeRate")));
    row.createCell(7).setCellValue(rates.visitsAnswered());
    row.createCell(8).setCellValue(rates.visitsResolved());
    rate(row, 9, rates.resolutionRate(), styles.get(group.marks().get("resolutionRate")));
    row.createCell(10).setCellValue(rates.visitsSatisfied());
    rate(row, 11, rates.satisfactionRate(), styles.get(group.marks().get("satisfactionRate")));
    row.createCell(12).setCellValue(rates.overdue());
  }

  private static void rate(Row row, int column, Double rate, CellStyle style) {
    var cell = row.createCell(column);
    if (rate != null) {
      cell.setCellValue(rate);
    }
    cell.setCellStyle(style);
  }
}

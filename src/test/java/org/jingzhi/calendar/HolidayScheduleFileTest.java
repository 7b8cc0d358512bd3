package org.jingzhi.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A schedule file is read strictly, and a problem is reported with its line. */
class HolidayScheduleFileTest {

  @Test
  void readsAGoodFile() {
    HolidaySchedule schedule = HolidayScheduleFile.parse("""
        year: 2031
        holidays:
          - { name: 元旦, from: 2031-01-01 }
          - { name: 春节, from: 2031-01-22, to: 2031-01-28 }
        workingWeekends:
          - { date: 2031-01-19, reason: 春节调休 }
        """);

    assertThat(schedule.holidays()).hasSize(8);
    assertThat(schedule.isWorkingDay(LocalDate.of(2031, 1, 19))).as("a Sunday worked").isTrue();
    assertThat(schedule.isWorkingDay(LocalDate.of(2031, 1, 24))).isFalse();
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "year: 2031\\nholidays:\\n  - { name: 元旦, from: 2032-01-01 }|第 3 行|不在 2031 年内",
      "year: 2031\\nholidays:\\n  - { name: 元旦, from: 2031-01-01 }\\nworkingWeekends:\\n  - { date: 2031-01-01 }|第 5 行|2031-01-01 是工作日",
      "year: 2031\\nholidays:\\n  - { name: 假, from: 2031-01-04, to: 2031-01-05 }\\nworkingWeekends:\\n  - { date: 2031-01-05 }|第 5 行|第 3 行",
      "year: 2031\\nholidays:\\n  - { name: 元旦, from: 2031-02-30 }|第 3 行|不是有效日期",
      "year: 2031\\nholidays:\\n  - { name: 元旦, from: 2031-01-01, to: 2030-12-31 }|第 3 行|不在 2031 年内",
      "year: 2031\\nholidays:\\n  - { name: 春节, from: 2031-01-03, to: 2031-01-01 }|第 3 行|早于开始日",
      "year: 2031\\nholidays:\\n  - { name: 甲, from: 2031-01-01 }\\n  - { name: 乙, from: 2031-01-01 }|第 4 行|已在第 3 行",
      "year: 2031\\nholiday: []|第 2 行|不认识的键 holiday",
      "year: 2031\\nholidays:\\n  - { name: 元旦, from: 2031-01-01\\n|第 4 行|不是有效的 YAML",
      "year: twenty|第 1 行|year 应为",
      "holidays: []|第 1 行|缺少 year",
      "year: 2031\\nyear: 2032|第 2 行|键 year 重复"})
  void refusesABadFileNamingTheLine(String text, String line, String problem) {
    assertThatThrownBy(() -> HolidayScheduleFile.parse(text.replace("\\n", "\n")))
        .isInstanceOf(ScheduleFileException.class)
        .hasMessageContaining(line).hasMessageContaining(problem);
  }
}

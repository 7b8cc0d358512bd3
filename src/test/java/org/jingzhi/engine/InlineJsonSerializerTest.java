package org.jingzhi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.jingzhi.approval.JointApprovalDriver;
import org.jingzhi.approval.JointApprovals;
import org.jingzhi.support.Clock;
import org.jingzhi.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A case's JSON values (the departments, their limits, each department's review) live in their variable's own row,
 * at run time and in history, without a byte array each; a value too long for the column, and a value written as Spin
 * wrote it before, still have theirs and read back the same.
 */
@IntegrationTest
class InlineJsonSerializerTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  JointApprovals approvals;
  @Autowired
  DataSource dataSource;

  @AfterEach
  void tearDown() {
    Clock.reset();
  }

  @Test
  void aCasesJsonValuesNeedNoByteArrays() {
    Clock.set(2026, 9, 21, 9, 0);
    JointApprovalDriver driver = new JointApprovalDriver(engine, approvals);
    ProcessInstance instance = driver.submit("restaurant-opening", "内联变量餐饮店开业");
    driver.accept(instance);
    driver.review(instance, "fire", "approved", "消防通道畅通", null);

    for (String name : List.of("departments", "remainingDays", "review_fire")) {
      assertThat(row("ACT_RU_VARIABLE", instance, name)).as(name + " at run time")
          .containsEntry("bytearray_id_", null).containsEntry("type_", InlineJsonSerializer.NAME);
      assertThat(row("ACT_HI_VARINST", instance, name)).as(name + " in history")
          .containsEntry("bytearray_id_", null).containsEntry("var_type_", InlineJsonSerializer.NAME);
    }
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "departments"))
        .isEqualTo(List.of("market", "fire", "ecology", "urban"));
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "review_fire")).asInstanceOf(
        org.assertj.core.api.InstanceOfAssertFactories.map(String.class, Object.class)).containsEntry("decision", "approved").containsEntry("opinion", "消防通道畅通");
    ObjectValue serialized = engine.getRuntimeService().getVariableTyped(instance.getId(), "departments", false);
    assertThat(serialized.getSerializationDataFormat()).isEqualTo("application/json");
    assertThat(serialized.getValueSerialized()).isEqualTo("[\"market\",\"fire\",\"ecology\",\"urban\"]");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("review_fire").singleResult().getValue().toString()).contains("消防通道畅通");

    driver.approve(instance, "market", "ecology", "urban");
    driver.issueResult(instance);
    assertThat(jdbc().queryForObject("select count(*) from ACT_GE_BYTEARRAY where ROOT_PROC_INST_ID_ = ?", Integer.class, instance.getId()))
        .as("byte arrays of the ended case").isZero();
  }

  @Test
  void aValueLongerThanTheColumnKeepsAByteArrayAndShorteningItRemovesIt() {
    Clock.set(2026, 9, 21, 9, 0);
    ProcessInstance instance = new JointApprovalDriver(engine, approvals).submit("restaurant-opening", "长变量餐饮店开业");
    RuntimeService runtime = engine.getRuntimeService();
    List<String> longList = new ArrayList<>(List.of("材".repeat(InlineJsonSerializer.TEXT_COLUMN)));
    runtime.setVariable(instance.getId(), "notes", longList);
    Map<String, Object> stored = row("ACT_RU_VARIABLE", instance, "notes");
    assertThat(stored.get("bytearray_id_")).as("too long for the column").isNotNull();
    assertThat(stored.get("text_")).isNull();
    assertThat(runtime.getVariable(instance.getId(), "notes")).isEqualTo(longList);

    runtime.setVariable(instance.getId(), "notes", new ArrayList<>(List.of("短")));
    assertThat(row("ACT_RU_VARIABLE", instance, "notes")).containsEntry("bytearray_id_", null).containsEntry("text_", "[\"短\"]");
    assertThat(jdbc().queryForObject("select count(*) from ACT_GE_BYTEARRAY where ID_ = ?", Integer.class, stored.get("bytearray_id_")))
        .as("the long value's byte array").isZero();
    assertThat(runtime.getVariable(instance.getId(), "notes")).isEqualTo(List.of("短"));
  }

  @Test
  void aValueSpinWroteBeforeStillReadsAndItsNextValueMovesIntoTheRow() {
    Clock.set(2026, 9, 21, 9, 0);
    ProcessInstance instance = new JointApprovalDriver(engine, approvals).submit("restaurant-opening", "旧变量餐饮店开业");
    RuntimeService runtime = engine.getRuntimeService();
    runtime.setVariable(instance.getId(), "notes", new ArrayList<>(List.of("旧".repeat(InlineJsonSerializer.TEXT_COLUMN))));
    jdbc().update("update ACT_RU_VARIABLE set TYPE_ = 'spin://application/json' where PROC_INST_ID_ = ? and NAME_ = 'notes'", instance.getId());
    assertThat(runtime.getVariable(instance.getId(), "notes")).isEqualTo(List.of("旧".repeat(InlineJsonSerializer.TEXT_COLUMN)));

    runtime.setVariable(instance.getId(), "notes", new ArrayList<>(List.of("新")));
    assertThat(row("ACT_RU_VARIABLE", instance, "notes")).containsEntry("bytearray_id_", null)
        .containsEntry("type_", InlineJsonSerializer.NAME);
    assertThat(runtime.getVariable(instance.getId(), "notes")).isEqualTo(List.of("新"));
  }

  @Test
  void aSerializedValueFromAClientIsStoredInTheRow() {
    Clock.set(2026, 9, 21, 9, 0);
    ProcessInstance instance = new JointApprovalDriver(engine, approvals).submit("restaurant-opening", "序列化变量餐饮店开业");
    engine.getRuntimeService().setVariable(instance.getId(), "notes", Variables.serializedObjectValue("[\"甲\",\"乙\"]")
        .serializationDataFormat("application/json").objectTypeName("java.util.ArrayList<java.lang.Object>").create());
    assertThat(row("ACT_RU_VARIABLE", instance, "notes")).containsEntry("bytearray_id_", null).containsEntry("text_", "[\"甲\",\"乙\"]");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "notes")).isEqualTo(List.of("甲", "乙"));
  }

  @Test
  void typesAreResolvedOnceAndStillCheckedAtEveryRead() {
    Clock.set(2026, 9, 21, 9, 0);
    JointApprovalDriver driver = new JointApprovalDriver(engine, approvals);
    ProcessInstance instance = driver.submit("restaurant-opening", "类型校验餐饮店开业");
    driver.accept(instance);
    RuntimeService runtime = engine.getRuntimeService();
    for (int read = 0; read < 3; read++) {
      assertThat(runtime.getVariable(instance.getId(), "departments")).as("read " + read).isEqualTo(List.of("market", "fire", "ecology", "urban"));
    }
    runtime.setVariable(instance.getId(), "notes", Variables.serializedObjectValue("{\"甲\":1}")
        .serializationDataFormat("application/json").objectTypeName("java.util.HashMap").create());
    assertThat(runtime.getVariable(instance.getId(), "notes")).as("a plain class name").isEqualTo(Map.of("甲", 1));

    runtime.setVariable(instance.getId(), "path", Variables.serializedObjectValue("\"/etc/passwd\"")
        .serializationDataFormat("application/json").objectTypeName("java.io.File").create());
    for (int read = 0; read < 2; read++) {
      assertThatThrownBy(() -> runtime.getVariable(instance.getId(), "path")).as("read " + read)
          .hasStackTraceContaining("not whitelisted for deserialization");
    }
  }

  private Map<String, Object> row(String table, ProcessInstance instance, String name) {
    String type = table.equals("ACT_HI_VARINST") ? "VAR_TYPE_" : "TYPE_";
    return jdbc().queryForList("select " + type + ", TEXT_, BYTEARRAY_ID_ from " + table + " where PROC_INST_ID_ = ? and NAME_ = ?",
        instance.getId(), name).get(0).entrySet().stream()
        .collect(java.util.HashMap::new, (map, entry) -> map.put(entry.getKey().toLowerCase(), entry.getValue()), Map::putAll);
  }

  private JdbcTemplate jdbc() {
    return new JdbcTemplate(dataSource);
  }
}

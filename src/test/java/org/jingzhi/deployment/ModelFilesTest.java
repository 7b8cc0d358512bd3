package org.jingzhi.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The models modelers edit, checked without a browser or Node: every BPMN opens with a complete
 * diagram, targets Camunda Platform 7.24, names its elements and keeps history for a limited time;
 * every form it references exists; every DMN parses in the engine's DMN engine. (The Modeler's own
 * linter runs in .ci/run: tools/model-lint.)
 */
class ModelFilesTest {

  static Stream<Path> processes() throws IOException {
    return files("processes", ".bpmn");
  }

  static Stream<Path> decisions() throws IOException {
    return files("processes", ".dmn");
  }

  /**
   * The engine warns at every start (ENGINE-12017) about each model that keeps its history longer than
   * the configured default: models and configuration say the same retention.
   */
  @ParameterizedTest
  @MethodSource("modelFiles")
  void everyModelKeepsItsHistoryAsLongAsTheConfigurationSays(Path file) throws IOException {
    JsonNode configuration = new ObjectMapper(new YAMLFactory()).readTree(Path.of("src/main/resources/application.yaml").toFile());
    String configured = configuration.at("/camunda/bpm/generic-properties/properties/history-time-to-live").asText();
    Matcher models = Pattern.compile("historyTimeToLive=\"([^\"]+)\"").matcher(Files.readString(file));

    assertThat(models.find()).as(file + ": historyTimeToLive").isTrue();
    do {
      assertThat(models.group(1)).as(file.toString()).isEqualTo(configured);
    } while (models.find());
  }

  static Stream<Path> modelFiles() throws IOException {
    return Stream.concat(processes(), decisions());
  }

  @ParameterizedTest
  @MethodSource("processes")
  void everyBpmnIsLaidOutNamedAndReadyForModeler(Path file) throws IOException {
    String xml = Files.readString(file);
    assertThat(xml).contains("modeler:executionPlatform=\"Camunda Platform\"", "modeler:executionPlatformVersion=\"7.24.0\"");
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    Bpmn.validateModel(model);

    Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream().map(shape -> shape.getBpmnElement().getId())
        .collect(Collectors.toSet());
    Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream().map(edge -> edge.getBpmnElement().getId())
        .collect(Collectors.toSet());
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(shapes).as(file + ": shape of " + node.getId()).contains(node.getId());
      if (!(node instanceof org.camunda.bpm.model.bpmn.instance.Gateway) || node.getOutgoing().size() > 1) {
        assertThat(node.getName()).as(file + ": name of " + node.getId()).isNotBlank();
      }
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      assertThat(edges).as(file + ": edge of " + flow.getId()).contains(flow.getId());
    }
    for (Process process : model.getModelElementsByType(Process.class)) {
      assertThat(process.getCamundaHistoryTimeToLiveString()).as(file + ": historyTimeToLive").isNotBlank();
    }
  }

  @ParameterizedTest
  @MethodSource("processes")
  void everyReferencedFormIsInTheFormsFolder(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    List<String> refs = model.getModelElementsByType(BaseElement.class).stream()
        .map(element -> element.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef"))
        .filter(ref -> ref != null).toList();
    for (String ref : refs) {
      assertThat(Path.of("forms", ref + ".form")).as(file + " references form " + ref).exists();
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      assertThat(task.getCamundaFormRef()).as(file + ": form of " + task.getId()).isNotBlank();
      assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
    }
  }

  @ParameterizedTest
  @MethodSource("decisions")
  void everyDmnParsesInTheEngine(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      List<DmnDecision> decisions = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine().parseDecisions(in);
      assertThat(decisions).isNotEmpty();
    }
  }

  @org.junit.jupiter.api.Test
  void everyFormIsNamedAfterItsFileAndTargetsTheTasklistVersion() throws IOException {
    try (Stream<Path> forms = files("forms", ".form")) {
      for (Path form : forms.toList()) {
        var json = new ObjectMapper().readTree(form.toFile());
        assertThat(json.get("id").asText()).isEqualTo(form.getFileName().toString().replace(".form", ""));
        assertThat(json.get("executionPlatformVersion").asText()).isEqualTo("7.24.0");
        assertThat(json.get("components").size()).isPositive();
      }
    }
  }

  private static Stream<Path> files(String folder, String suffix) throws IOException {
    return Files.list(Path.of(folder)).filter(path -> path.toString().endsWith(suffix)).sorted();
  }
}

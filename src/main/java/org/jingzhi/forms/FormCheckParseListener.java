package org.jingzhi.forms;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/** Adds {@link FormSubmissionCheck} to every user task and start event that references a Camunda Form. */
@Component
public class FormCheckParseListener extends AbstractProcessEnginePlugin {

  private final FormSubmissionCheck check = new FormSubmissionCheck();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPreBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPreBPMNParseListeners());
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef") != null && activity.getActivityBehavior() instanceof UserTaskActivityBehavior task) {
          task.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE, check);
        }
      }

      @Override
      public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef") != null && scope == activity.getProcessDefinition()) {
          activity.addListener(ExecutionListener.EVENTNAME_END, check);
        }
      }
    });
    configuration.setCustomPreBPMNParseListeners(listeners);
  }
}

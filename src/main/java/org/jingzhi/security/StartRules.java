package org.jingzhi.security;

import java.util.Map;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.jingzhi.engine.RefusedInputException;
import org.jingzhi.forms.FormVariables;

/**
 * A client starts a process only at its start event, with only its start form's fields: the case or
 * event number (the business key) is issued by the process, and a start at a chosen activity is a
 * repair for administrators.
 */
final class StartRules {

  private StartRules() {
  }

  static void check(CommandContext context, ProcessDefinitionEntity definition, String businessKey, String caseInstanceId,
                    Map<String, ?> variables) {
    if (businessKey != null) {
      throw new RefusedInputException("业务编号（businessKey）由平台在登记时生成，不能由客户端指定");
    }
    if (caseInstanceId != null) {
      throw new RefusedInputException("不能把流程挂到案例实例（caseInstanceId）上");
    }
    if (definition != null) {
      FormVariables.ofStart(context, definition.getId()).checkWrite(variables, name -> null);
    }
  }
}

package org.jingzhi.deadlines;

/**
 * A checked request to extend a limit: of case or event {@code caseNumber}, the clock of {@code scope} and {@code unit}
 * in process instance {@code processInstanceId} (the one that holds the approval), by working days or hours.
 */
public record ExtensionRequest(String caseNumber, String processInstanceId, String scope, String unit, Integer workingDays, Integer hours,
                               String reason, String requestedBy) {

  public static ExtensionRequest ofWorkingDays(String caseNumber, String processInstanceId, String scope, String unit, int workingDays,
                                               String reason, String requestedBy) {
    return new ExtensionRequest(caseNumber, processInstanceId, scope, unit, workingDays, null, reason, requestedBy);
  }

  public static ExtensionRequest ofHours(String caseNumber, String processInstanceId, String scope, String unit, int hours, String reason,
                                         String requestedBy) {
    return new ExtensionRequest(caseNumber, processInstanceId, scope, unit, null, hours, reason, requestedBy);
  }
}

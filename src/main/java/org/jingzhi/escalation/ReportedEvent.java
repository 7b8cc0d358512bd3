package org.jingzhi.escalation;

/** The answer to a reported event. */
public record ReportedEvent(String eventNumber, String processInstanceId) {
}

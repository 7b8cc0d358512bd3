package org.jingzhi.approval;

/** The answer to a submitted application. */
public record Submission(String caseNumber, String queryCode, String processInstanceId) {
}

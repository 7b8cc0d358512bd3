package org.jingzhi.approval;

import java.util.List;

/** The body of {@code POST /api/joint-approvals/{caseNumber}/supplements}. */
public record SupplementRequest(List<String> materials, String note) {
}

package org.jingzhi.approval;

/** The result of a hearing, test or expert review that ends an excluded period. */
public record ExcludedTimeResult(String result) {
}

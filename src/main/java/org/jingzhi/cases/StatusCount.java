package org.jingzhi.cases;

/** How many running cases or events are in one status, for supervisors' overviews. */
public record StatusCount(String status, String label, long count) {
}

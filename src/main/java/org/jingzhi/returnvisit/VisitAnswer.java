package org.jingzhi.returnvisit;

import io.swagger.v3.oas.annotations.media.Schema;

/** The reporter's own answer on the return-visit page. */
record VisitAnswer(
    @Schema(description = "问题是否解决 · resolved", allowableValues = {"yes", "no"}, example = "yes") String resolved,
    @Schema(description = "满意度 · satisfaction", allowableValues = {"satisfied", "basicallySatisfied", "unsatisfied"},
        example = "satisfied") String satisfaction,
    @Schema(description = "意见（可选，至多 500 字）· comment, optional", example = "处理及时") String comment) {
}

package org.jingzhi.approval;

/**
 * A request to extend a limit of a case once: {@code scope} {@code review} (the caller's department's review; default) or
 * {@code case} (the total, asked by the window), and the reason the applicant will be told.
 */
public record ExtensionAsk(String scope, String reason) {
}

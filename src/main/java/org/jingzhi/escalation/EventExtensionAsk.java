package org.jingzhi.escalation;

/**
 * A unit's request to extend its limit at the event's current level once: by {@code workingDays} (up to
 * {@code jingzhi.escalation.extension-max-working-days}, default that), or {@code hours} for an urgent event, and why.
 */
public record EventExtensionAsk(String reason, Integer workingDays, Integer hours) {
}

package org.jingzhi.responsibility;

import java.util.List;

/**
 * What a precedent says: events of {@code category} that match every condition given — any of the {@code keywords}
 * in the description, the {@code location} (a community, or a street or district with its communities), the
 * {@code channel} — go to {@code owner}: a unit's group id, or {@code community}, {@code street}, {@code district} for
 * that unit of the event's own location.
 */
public record PrecedentRule(String category, List<String> keywords, String location, String channel, String owner) {
}

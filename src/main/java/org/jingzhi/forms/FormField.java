package org.jingzhi.forms;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a Camunda Form asks of one field, as the browser checks it: required, one of the offered
 * values, at most so many characters, matching a pattern, unless a condition hides it. Read-only
 * fields show case data and are not checked.
 */
record FormField(String key, String label, boolean required, Set<String> values, boolean multiple, Integer maxLength,
                 Pattern pattern, String hideWhen, boolean readonly) {
}

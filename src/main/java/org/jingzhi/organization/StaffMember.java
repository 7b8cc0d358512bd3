package org.jingzhi.organization;

import java.util.List;

/**
 * A user of the staff file: the units (codes or ids) it works in, and other Camunda groups it
 * belongs to (e.g. {@code camunda-admin}).
 */
public record StaffMember(String id, String firstName, String lastName, String email, List<String> units, List<String> groups) {
}

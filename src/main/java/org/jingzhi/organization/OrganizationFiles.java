package org.jingzhi.organization;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.core.io.Resource;

/**
 * Reads the organization file (units) and the staff file (users). Formats: see
 * {@code src/main/resources/organization/demo-city.yaml} and {@code demo-staff.yaml}.
 */
public final class OrganizationFiles {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private OrganizationFiles() {
  }

  public static Organization readUnits(Resource resource) {
    UnitsContent content = read(resource, UnitsContent.class);
    List<Unit> units = content.units == null ? List.of() : content.units.stream()
        .map(entry -> new Unit(entry.code, entry.id == null ? entry.code : entry.id, entry.name, entry.shortName, entry.type, entry.parent,
            entry.email == null || entry.email.isBlank() ? null : entry.email.trim()))
        .toList();
    try {
      return new Organization(units);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Invalid organization file " + resource.getDescription() + ": " + e.getMessage(), e);
    }
  }

  public static Staff readStaff(Resource resource) {
    StaffContent content = read(resource, StaffContent.class);
    List<StaffMember> members = content.users == null ? List.of() : content.users.stream()
        .map(user -> new StaffMember(user.id, user.firstName, user.lastName, user.email,
            user.units == null ? List.of() : List.copyOf(user.units),
            user.groups == null ? List.of() : List.copyOf(user.groups)))
        .toList();
    return new Staff(members, content.password, Boolean.TRUE.equals(content.staffEveryUnit));
  }

  private static <T> T read(Resource resource, Class<T> type) {
    try (InputStream in = resource.getInputStream()) {
      return YAML.readValue(in, type);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + resource.getDescription() + ": " + e.getMessage(), e);
    }
  }

  static class UnitsContent {
    public List<UnitEntry> units;
  }

  static class UnitEntry {
    public String code;
    public String id;
    public String name;
    public String shortName;
    public UnitType type;
    public String parent;
    public String email;
  }

  static class StaffContent {
    public String password;
    public Boolean staffEveryUnit;
    public List<UserEntry> users;
  }

  static class UserEntry {
    public String id;
    public String firstName;
    public String lastName;
    public String email;
    public List<String> units;
    public List<String> groups;
  }
}

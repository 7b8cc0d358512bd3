package org.jingzhi.organization;

import java.util.Set;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/** One authorization a unit's group must have: permissions on a resource (or {@code *}). */
public record Grant(Resource resource, String resourceId, Set<Permission> permissions) {

  public static Grant of(Resource resource, String resourceId, Permission... permissions) {
    return new Grant(resource, resourceId, Set.of(permissions));
  }
}

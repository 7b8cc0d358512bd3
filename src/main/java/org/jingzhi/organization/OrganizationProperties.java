package org.jingzhi.organization;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

@ConfigurationProperties("jingzhi.organization")
public class OrganizationProperties {

  /** The organization file: the city's units with their 12-digit codes. */
  private Resource units;

  /** The staff file: users and their units. Optional; the demo profile sets the demo users. */
  private Resource staff;

  public Resource getUnits() {
    return units;
  }

  public void setUnits(Resource units) {
    this.units = units;
  }

  public Resource getStaff() {
    return staff;
  }

  public void setStaff(Resource staff) {
    this.staff = staff;
  }
}

package org.jingzhi.organization;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(OrganizationProperties.class)
class OrganizationConfiguration {

  @Bean
  Organization organization(OrganizationProperties properties) {
    if (properties.getUnits() == null || !properties.getUnits().exists()) {
      throw new IllegalStateException("jingzhi.organization.units must name the organization file, found: " + properties.getUnits());
    }
    return OrganizationFiles.readUnits(properties.getUnits());
  }

  @Bean
  Staff staff(OrganizationProperties properties) {
    if (properties.getStaff() == null) {
      return Staff.none();
    }
    if (!properties.getStaff().exists()) {
      throw new IllegalStateException("The staff file " + properties.getStaff().getDescription() + " does not exist");
    }
    return OrganizationFiles.readStaff(properties.getStaff());
  }
}

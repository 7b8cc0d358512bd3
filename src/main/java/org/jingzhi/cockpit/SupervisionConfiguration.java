package org.jingzhi.cockpit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(RateTargets.class)
class SupervisionConfiguration {
}

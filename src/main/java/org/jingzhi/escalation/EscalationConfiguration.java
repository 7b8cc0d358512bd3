package org.jingzhi.escalation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(EscalationSettings.class)
class EscalationConfiguration {
}

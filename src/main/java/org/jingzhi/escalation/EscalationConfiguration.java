package org.jingzhi.escalation;

import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(EscalationSettings.class)
class EscalationConfiguration {

  /** The OpenAPI description lists the channels {@link EventReport} accepts. */
  @Bean
  OpenApiCustomizer eventChannels() {
    return openApi -> {
      Schema<?> request = openApi.getComponents().getSchemas().get(EventRequest.class.getSimpleName());
      @SuppressWarnings("unchecked")
      Schema<String> channel = (Schema<String>) request.getProperties().get("channel");
      channel.setEnum(EventReport.CHANNELS);
    };
  }
}

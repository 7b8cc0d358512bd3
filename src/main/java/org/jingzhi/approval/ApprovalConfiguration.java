package org.jingzhi.approval;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({ApprovalSettings.class, PublicQuerySettings.class})
class ApprovalConfiguration {

  @Bean
  FilterRegistrationBean<PublicQueryGuard> publicQueryGuard(PublicQuerySettings settings) {
    FilterRegistrationBean<PublicQueryGuard> registration = new FilterRegistrationBean<>(new PublicQueryGuard(settings));
    registration.addUrlPatterns("/api/public/*");
    return registration;
  }
}

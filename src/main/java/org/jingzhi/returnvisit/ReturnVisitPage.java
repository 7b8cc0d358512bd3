package org.jingzhi.returnvisit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The page of the SMS link, {@code /visit/#<token>} (static files under {@code static/visit/}), and its settings. */
@Configuration
@EnableConfigurationProperties(ReturnVisitSettings.class)
class ReturnVisitPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/visit", "/visit/");
    registry.addViewController("/visit/").setViewName("forward:/visit/index.html");
  }
}

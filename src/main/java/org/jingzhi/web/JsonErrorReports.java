package org.jingzhi.web;

import org.apache.catalina.valves.JsonErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before any of our code sees them — a path with an encoded backslash, NUL or broken UTF-8 —
 * get a JSON answer with the status and a message ({@code {"type":"Status Report","status":400,"message":"Invalid URI",…}})
 * in place of Tomcat's HTML page, like every other refusal of the platform; without server version or stack trace.
 * Added after Spring Boot's own report valve, so it is the one that writes.
 */
@Component
class JsonErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(context -> {
      JsonErrorReportValve valve = new JsonErrorReportValve();
      valve.setShowServerInfo(false);
      valve.setShowReport(false);
      context.getParent().getPipeline().addValve(valve);
    });
  }
}

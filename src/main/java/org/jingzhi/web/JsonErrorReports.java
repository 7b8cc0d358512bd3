package org.jingzhi.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before any of our code sees them — a path with an encoded backslash, NUL or broken UTF-8 —
 * get a JSON answer with the status and a plain message, like every other refusal of the platform, in place of
 * Tomcat's HTML page. The message is fixed per status: nothing of the exception, the server or its version.
 */
@Component
class JsonErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(context -> {
      StandardHost host = (StandardHost) context.getParent();
      // Tomcat adds its own HTML report valve at start unless one of this class is there already
      host.setErrorReportValveClass(Valve.class.getName());
      host.getPipeline().addValve(new Valve());
    });
  }

  /** Added after Spring Boot's own report valve, so it is the one that writes. */
  public static final class Valve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      try {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write("{\"status\":" + status + ",\"message\":\"" + message(status) + "\"}");
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException ignored) {
        // the client is gone or the answer was committed meanwhile: nothing more to say
      }
    }

    private static String message(int status) {
      return switch (status) {
        case 400 -> "请求的地址或内容无法解析（Bad request）";
        case 404 -> "没有找到请求的对象（Not found）";
        case 405 -> "不支持此请求方法（Method not allowed）";
        default -> status >= 500 ? "服务器内部错误，请稍后重试或联系管理员（Server error）" : "请求无法处理（HTTP " + status + "）";
      };
    }
  }
}

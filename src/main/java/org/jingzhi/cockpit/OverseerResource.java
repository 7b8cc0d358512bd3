package org.jingzhi.cockpit;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.springframework.context.ApplicationContext;

/** A resource of the plugin: answers overseers only ({@link Overseers}) and works with the application's beans. */
abstract class OverseerResource extends AbstractCockpitPluginResource {

  private final ApplicationContext beans;

  OverseerResource(String engineName, ApplicationContext beans) {
    super(engineName);
    this.beans = beans;
  }

  /** The bean, once the caller is known to be an overseer (403 otherwise). */
  <T> T forOverseer(Class<T> type) {
    beans.getBean(Overseers.class).require();
    return beans.getBean(type);
  }

  <T> T bean(Class<T> type) {
    return beans.getBean(type);
  }

  /** 400 with a message in Chinese, in the shape of the engine's own errors. */
  static WebApplicationException badRequest(String message) {
    return error(Response.Status.BAD_REQUEST, message);
  }

  static WebApplicationException notFound(String message) {
    return error(Response.Status.NOT_FOUND, message);
  }

  static WebApplicationException conflict(String message) {
    return error(Response.Status.CONFLICT, message);
  }

  private static WebApplicationException error(Response.Status status, String message) {
    return new WebApplicationException(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", "InvalidRequestException", "message", message)).build());
  }
}

package org.jingzhi.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models of {@code processes/} and the forms of {@code forms/} as one deployment when
 * the engine starts. Resources get stable names (e.g. {@code processes/joint-approval.bpmn}) however
 * the application is run, so an unchanged set is recognised and deploys nothing; a change deploys
 * the whole set again, which keeps forms bound to the deployment of their process
 * ({@code camunda:formRefBinding="deployment"}).
 */
@Component
public class ModelDeployment extends AbstractProcessEnginePlugin {

  public static final String DEPLOYMENT_NAME = "jingzhi";

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployment.class);
  private static final String[] PATTERNS = {"processes/**/*.bpmn", "processes/**/*.dmn", "forms/**/*.form"};

  private final ResourcePatternResolver resolver;
  private final String root;

  @Autowired
  public ModelDeployment(ResourcePatternResolver resolver) {
    this(resolver, "classpath*:");
  }

  /** Deploys the models found under {@code root} instead of the class path's top level. */
  ModelDeployment(ResourcePatternResolver resolver, String root) {
    this.resolver = resolver;
    this.root = root;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    deploy(engine);
  }

  public Deployment deploy(ProcessEngine engine) {
    Map<String, Resource> resources = modelResources();
    if (resources.isEmpty()) {
      LOG.warn("No models found under processes/ and forms/: nothing deployed");
      return null;
    }
    DeploymentBuilder builder = engine.getRepositoryService().createDeployment()
        .name(DEPLOYMENT_NAME)
        .source(DEPLOYMENT_NAME)
        .enableDuplicateFiltering(false);
    resources.forEach((name, resource) -> {
      try (InputStream in = resource.getInputStream()) {
        builder.addInputStream(name, in);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read model " + name, e);
      }
    });
    Deployment deployment = builder.deployWithResult();
    LOG.info("Models: {} resources, current deployment {} of {}", resources.size(), deployment.getId(), deployment.getDeploymentTime());
    return deployment;
  }

  Map<String, Resource> modelResources() {
    Map<String, Resource> byName = new TreeMap<>();
    for (String pattern : PATTERNS) {
      for (Resource resource : resolve(root + pattern)) {
        String name = stableName(resource);
        if (byName.putIfAbsent(name, resource) != null) {
          throw new IllegalStateException("Two models named " + name + " on the class path");
        }
      }
    }
    return byName;
  }

  private Resource[] resolve(String pattern) {
    try {
      return resolver.getResources(pattern);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + pattern, e);
    }
  }

  /** The path from {@code processes/} or {@code forms/} on, whether the resource is a file or in a jar. */
  static String stableName(Resource resource) {
    String url;
    try {
      url = resource.getURL().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int start = Math.max(url.lastIndexOf("/processes/"), url.lastIndexOf("/forms/"));
    if (start < 0) {
      throw new IllegalStateException("Model outside processes/ and forms/: " + url);
    }
    return url.substring(start + 1);
  }
}

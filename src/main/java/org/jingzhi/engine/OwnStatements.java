package org.jingzhi.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;

/** Our statements beside the engine's in its MyBatis configuration: {@link OwnWorkListing}'s and {@link CaseTaskListing}'s. */
final class OwnStatements {

  private OwnStatements() {
  }

  /**
   * Adds the mappers' statements to the engine's MyBatis configuration, where they use the engine's own fragments; each
   * once, where engines share one configuration.
   */
  static void register(Configuration mybatis) {
    register(mybatis, OwnWorkListing.MAPPER);
    register(mybatis, CaseTaskListing.MAPPER);
  }

  private static void register(Configuration mybatis, String mapper) {
    if (mybatis.isResourceLoaded(mapper)) {
      return;
    }
    try (InputStream xml = OwnStatements.class.getClassLoader().getResourceAsStream(mapper)) {
      if (xml == null) {
        throw new IllegalStateException(mapper + " is missing from the class path");
      }
      new XMLMapperBuilder(xml, mybatis, mapper, mybatis.getSqlFragments()).parse();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.jingzhi.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application with the demo city and its users, on a random port, without the job
 * executor, its notices going to a local SMS gateway and SMTP server ({@link NotificationStubs}).
 * Database: in-memory H2, or whatever JINGZHI_DB_URL names (PostgreSQL in CI). All tests with this
 * annotation share one application context. Any other Spring test must give its engine
 * another name ({@code camunda.bpm.process-engine-name}): engines are registered by name JVM-wide.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@Import(TestBeans.class)
@ContextConfiguration(initializers = NotificationStubs.class)
public @interface IntegrationTest {
}

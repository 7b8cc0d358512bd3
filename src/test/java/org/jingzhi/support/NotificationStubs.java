package org.jingzhi.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.jingzhi.notice.NoticeDispatcher;

/**
 * The outside world of notices, for every {@link IntegrationTest}: an SMS gateway ({@link SmsGatewayStub}) and an SMTP
 * server (GreenMail), started once per JVM on free ports, and the application pointed at them. The same initializer for
 * every test keeps one shared application context.
 */
public final class NotificationStubs implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static final SmsGatewayStub SMS = new SmsGatewayStub();
  public static final GreenMail MAIL = startMail();

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertyValues.of(
        "jingzhi.notice.sms.url=" + SMS.url(),
        "jingzhi.notice.sms.access-key-id=" + SmsGatewayStub.ACCESS_KEY_ID,
        "jingzhi.notice.sms.access-key-secret=" + SmsGatewayStub.SECRET,
        "jingzhi.notice.sms.read-timeout=2s",
        "spring.mail.host=127.0.0.1",
        "spring.mail.port=" + MAIL.getSmtp().getPort(),
        "spring.mail.properties.mail.smtp.connectiontimeout=2000",
        "spring.mail.properties.mail.smtp.timeout=2000").applyTo(context);
  }

  private static GreenMail startMail() {
    GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    return mail;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Delivers everything due now: one {@code dispatchDue} stops after a batch of deliveries, and the suite's shared outbox
   * may hold more than that from other tests.
   */
  public static void sendAllDue(NoticeDispatcher dispatcher) {
    for (int round = 0; round < 100 && dispatcher.dispatchDue() > 0; round++) {
      // until a round finds nothing due
    }
  }
}

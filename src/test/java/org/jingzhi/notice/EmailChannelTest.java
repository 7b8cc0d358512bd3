package org.jingzhi.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import org.jingzhi.notice.DeliveryChannel.DeliveryFailure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** An SMTP server that refuses is a failure to try again; an address no server will take is given up at once. */
class EmailChannelTest {

  @Test
  void anSmtpServerThatRefusesTheConnectionIsTriedAgainLater() throws Exception {
    try (ServerSocket refusing = new ServerSocket(0)) {
      Thread server = new Thread(() -> {
        try (Socket client = refusing.accept(); OutputStream out = client.getOutputStream()) {
          out.write("554 5.3.2 service not available now\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
        } catch (Exception ignored) {
          // the client gave up first
        }
      });
      server.start();
      DeliveryFailure failure = catchThrowableOfType(() -> channel(refusing.getLocalPort()).deliver(notice("unit@demo-city.gov.cn")),
          DeliveryFailure.class);
      server.join(5000);

      assertThat(failure).isNotNull();
      assertThat(failure.permanent()).isFalse();
      assertThat(failure.getMessage()).startsWith("邮件服务器未接收");
    }
  }

  @Test
  void anAddressNoServerWillTakeIsGivenUpAtOnce() {
    DeliveryFailure failure = catchThrowableOfType(() -> channel(1).deliver(notice("not an address")), DeliveryFailure.class);

    assertThat(failure.permanent()).isTrue();
    assertThat(failure.getMessage()).isEqualTo("电子邮箱地址无效");
  }

  private static EmailChannel channel(int port) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
    sender.getJavaMailProperties().put("mail.smtp.timeout", "2000");
    StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mailSender", sender));
    return new EmailChannel(beans.getBeanProvider(JavaMailSender.class), new NoticeSettings(null, null, null, null, new NoticeSettings.Mail(null)));
  }

  private static Notice notice(String address) {
    return new Notice(1L, NoticeKind.SUPERVISION, "instance", "LH-1", Notice.UNIT, "urban", "督办：测试", "测试正文", new Date(),
        new Notice.Delivery(Notice.Channel.EMAIL, address, "supervision", Map.of(), Notice.Status.PENDING, 0, null, null, null, null));
  }
}

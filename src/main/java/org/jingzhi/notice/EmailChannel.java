package org.jingzhi.notice;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** E-mail through the city's SMTP server, with Spring Boot's mail support ({@code spring.mail.*}). */
@Component
class EmailChannel implements DeliveryChannel {

  private final ObjectProvider<JavaMailSender> mail;
  private final String from;

  EmailChannel(ObjectProvider<JavaMailSender> mail, NoticeSettings settings) {
    this.mail = mail;
    this.from = settings.mail().from();
  }

  @Override
  public Notice.Channel channel() {
    return Notice.Channel.EMAIL;
  }

  @Override
  public void deliver(Notice notice) throws DeliveryFailure {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      throw DeliveryFailure.temporary("未配置邮件服务器（spring.mail.host）");
    }
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
      helper.setFrom(from);
      helper.setTo(notice.delivery().address());
      helper.setSubject(notice.title());
      helper.setText(notice.body());
      sender.send(message);
    } catch (AddressException e) {
      throw DeliveryFailure.permanent("电子邮箱地址无效");
    } catch (MessagingException | MailException e) {
      throw DeliveryFailure.temporary("邮件服务器未接收：" + e.getMessage());
    }
  }
}

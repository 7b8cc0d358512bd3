package org.jingzhi.notice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The channel until a city connects its own: writes each notice to the log. */
@Component
class LoggingNotificationChannel implements NotificationChannel {

  private static final Logger LOG = LoggerFactory.getLogger(LoggingNotificationChannel.class);

  @Override
  public void deliver(Notice notice) {
    LOG.info("Notice {} to {} {} about {}: {}", notice.kind(), notice.recipientKind(), notice.recipient(),
        notice.caseNumber(), notice.title());
  }
}

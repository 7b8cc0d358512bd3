package org.jingzhi.notice;

/**
 * Delivers recorded notices: SMS, the government messaging app, e-mail. Implement it as a Spring
 * bean; every channel gets every notice after the transaction that recorded it has committed.
 */
public interface NotificationChannel {

  void deliver(Notice notice);
}

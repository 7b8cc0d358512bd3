package org.jingzhi.operations;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.jingzhi.cases.PersonalData;

/**
 * The log message with every mobile number masked ({@code logback-spring.xml} puts it in place of {@code %m}): a second
 * net under our own masked log lines, for messages of the engine and libraries that may carry a variable's value.
 */
public class MaskedMessageConverter extends MessageConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return PersonalData.maskMobilesIn(super.convert(event));
  }
}

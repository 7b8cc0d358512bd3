package org.jingzhi.returnvisit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code jingzhi.return-visit.*}: how many working days the reporter's link stays open ({@code answerWorkingDays}); after
 * that the hotline phones, as before the link existed.
 */
@ConfigurationProperties("jingzhi.return-visit")
record ReturnVisitSettings(Integer answerWorkingDays) {

  ReturnVisitSettings {
    answerWorkingDays = answerWorkingDays == null || answerWorkingDays < 1 ? 1 : answerWorkingDays;
  }
}

package org.jingzhi.notice;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(NoticeSettings.class)
class NoticeConfiguration {
}

package org.jingzhi.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The demo user (password {@code demo}, demo profile) with whom the operation's examples work as
 * written. {@link ApiDocumentation} shows it in the operation's description and as {@code x-demo-user}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface DemoUser {

  String value();
}

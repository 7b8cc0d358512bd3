package org.jingzhi.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The demo user (password {@code demo}, demo profile) with whom the operation's examples work as
 * written. With the demo profile, {@link ApiDocumentation} shows it in the operation's description and
 * as {@code x-demo-user}; elsewhere the demo users do not exist and the description does not name them.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface DemoUser {

  String value();
}

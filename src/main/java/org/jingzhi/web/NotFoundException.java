package org.jingzhi.web;

/** Answered with 404 and the message. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}

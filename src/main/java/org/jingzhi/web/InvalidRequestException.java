package org.jingzhi.web;

/** Bad input from a caller: answered with 400 and the message, nothing changed. */
public class InvalidRequestException extends RuntimeException {

  public InvalidRequestException(String message) {
    super(message);
  }
}

package org.jingzhi.web;

/** What the request names existed but is no longer usable: a used or expired link. Answered 410 with the message. */
public class GoneException extends RuntimeException {

  public GoneException(String message) {
    super(message);
  }
}

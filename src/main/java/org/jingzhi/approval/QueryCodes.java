package org.jingzhi.approval;

import java.security.SecureRandom;

/** The applicant's query code (查询码): 8 characters without look-alikes such as 0/O or 1/I. */
final class QueryCodes {

  private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private QueryCodes() {
  }

  static String next() {
    StringBuilder code = new StringBuilder(8);
    for (int i = 0; i < 8; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }
}

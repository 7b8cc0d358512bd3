package org.jingzhi.responsibility;

import java.util.Date;

/** A ruling that became precedent (案例), {@code CA-2026-0001}: its rule, where it came from, and whether it is in force. */
public record Precedent(String number, PrecedentRule rule, String ruling, String originEvent, String decidedBy, Date decidedAt,
                        Status status, String supersededBy) {

  public enum Status {
    IN_FORCE, REVOKED, SUPERSEDED
  }

  /** One change of a precedent, for its audit trail. */
  public record Change(String kind, String by, Date at, String reason) {
  }
}

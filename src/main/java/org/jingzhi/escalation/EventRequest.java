package org.jingzhi.escalation;

import org.jingzhi.cases.Texts;

/** The body of {@code POST /api/events}. */
public record EventRequest(String category, String description, String communityCode, String address, Reporter reporter,
                           String channel, Boolean urgent) {

  public record Reporter(String name, String phone) {
  }

  EventReport toReport() {
    Reporter person = reporter == null ? new Reporter(null, null) : reporter;
    return new EventReport(Texts.text(category), Texts.text(description), Texts.text(communityCode),
        Texts.text(address), Texts.text(person.name()), Texts.text(person.phone()), Texts.text(channel),
        Boolean.TRUE.equals(urgent));
  }
}

package org.jingzhi.escalation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/events")
class EventController {

  private final Events events;
  private final EventViews views;

  EventController(Events events, EventViews views) {
    this.events = events;
    this.views = views;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  ReportedEvent report(@RequestBody(required = false) EventRequest request) {
    return events.report(request);
  }

  @GetMapping("/{eventNumber}")
  EventView view(@PathVariable String eventNumber) {
    return views.view(eventNumber);
  }
}

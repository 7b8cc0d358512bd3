package org.jingzhi.cases;

import java.util.List;

/** Where a citizen request or grid report came in: the 12345 hotline, a grid worker, the app, an Open311 client. */
public final class Channels {

  public static final List<String> ALL = List.of("hotline", "grid", "app", "open311");

  private Channels() {
  }
}

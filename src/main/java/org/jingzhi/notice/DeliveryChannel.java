package org.jingzhi.notice;

/** Hands a recorded notice to the world: an SMS gateway, an SMTP server. Called by {@link NoticeDispatcher} only. */
interface DeliveryChannel {

  Notice.Channel channel();

  /** Returns when the notice was accepted; throws when it was not, saying whether trying again may help. */
  void deliver(Notice notice) throws DeliveryFailure;

  final class DeliveryFailure extends Exception {

    private final boolean permanent;

    private DeliveryFailure(String message, boolean permanent) {
      super(message);
      this.permanent = permanent;
    }

    /** Trying again later may work: a gateway answering 500 or not at all, an SMTP server refusing for now. */
    static DeliveryFailure temporary(String message) {
      return new DeliveryFailure(message, false);
    }

    /** No retry can cure it: an unknown template, a number the gateway calls invalid. */
    static DeliveryFailure permanent(String message) {
      return new DeliveryFailure(message, true);
    }

    boolean permanent() {
      return permanent;
    }
  }
}

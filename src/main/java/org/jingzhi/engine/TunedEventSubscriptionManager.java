package org.jingzhi.engine;

import org.camunda.bpm.engine.impl.event.EventType;
import org.camunda.bpm.engine.impl.persistence.entity.EventSubscriptionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.EventSubscriptionManager;

/**
 * The engine's event subscriptions, without a look-up that can find nothing (README 「Performance at city scale」).
 *
 * <p>Deleting any subscription, the engine looks for jobs that were to deliver its event later. Only a signal thrown
 * with {@code camunda:async} makes such jobs, one per signal subscription it reaches; no message, condition or
 * compensation subscription ever has one (the engine declares these jobs for signal catch events alone, and throws
 * compensation synchronously). So a message subscription — each review's and the case's extension request — is deleted
 * without the look-up, and a signal subscription as before, with its pending jobs.
 */
class TunedEventSubscriptionManager extends EventSubscriptionManager {

  @Override
  public void deleteEventSubscription(EventSubscriptionEntity subscription) {
    if (subscription.isSubscriptionForEventType(EventType.SIGNAL)) {
      super.deleteEventSubscription(subscription);
    } else {
      getDbEntityManager().delete(subscription);
    }
  }
}

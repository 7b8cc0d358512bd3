package org.jingzhi.returnvisit;

import java.util.Date;

/**
 * What the reporter sees on the return-visit page: the event and its result, their own name and number masked, until
 * when they may answer. No description or address: the page is open to whoever holds the link.
 */
record VisitView(String eventNumber, String categoryName, String community, Date reportedAt, Date resolvedAt, String result,
                 String reporterName, String reporterPhone, Date answerBy) {
}

package org.paperlens.web;

import org.paperlens.digest.Links;
import org.paperlens.digest.Subscriptions;

/**
 * What the subscription, feed and export routes need beyond {@link WebServices}.
 *
 * @param links the site's absolute URLs (mails and feeds must carry absolute links)
 * @param nudge asks the digest scheduler to send queued mail soon; returns at once (never SMTP on a request thread)
 * @param canSendMail whether a mail server is configured; without one, pages say that nothing can be mailed yet
 */
public record DigestServices(Subscriptions subscriptions, Links links, Runnable nudge, boolean canSendMail) {

  /** With a mail server configured. */
  public DigestServices(Subscriptions subscriptions, Links links, Runnable nudge) {
    this(subscriptions, links, nudge, true);
  }
}

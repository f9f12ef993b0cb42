package org.paperlens.web;

import org.paperlens.digest.Links;
import org.paperlens.digest.Subscriptions;

/**
 * What the subscription, feed and export routes need beyond {@link WebServices}.
 *
 * @param links the site's absolute URLs (mails and feeds must carry absolute links)
 * @param nudge asks the digest scheduler to send queued mail soon; returns at once (never SMTP on a request thread)
 */
public record DigestServices(Subscriptions subscriptions, Links links, Runnable nudge) {}

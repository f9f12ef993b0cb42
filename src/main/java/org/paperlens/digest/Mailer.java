package org.paperlens.digest;

/** Hands messages to a mail server. Used by one thread at a time; {@link #close()} ends the connection. */
public interface Mailer extends AutoCloseable {

  /** Sends one message; returns when the server has accepted it. */
  void send(OutboxMessage message) throws MailFailure;

  @Override
  void close();
}

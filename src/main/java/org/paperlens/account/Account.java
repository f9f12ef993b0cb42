package org.paperlens.account;

/** A person with a login. {@code id} is internal and never shown; {@code name} is public. */
public record Account(long id, String name) {}

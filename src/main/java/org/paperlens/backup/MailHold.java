package org.paperlens.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.paperlens.config.MailSettings;

/**
 * Mail held for a data directory: while the file {@value #FILE} is in it, every root opened on it
 * (serve, {@code digest run}) has no mail server, whatever the environment says, so a restored copy
 * started with the production SMTP settings mails no subscriber. {@code paperlens restore} writes
 * it; {@code paperlens mail resume} removes it, {@code paperlens mail hold} writes it by hand.
 * Digests are still planned into the outbox while mail is held, and sent once it is resumed.
 */
public record MailHold(Path file) {

  public static final String FILE = "MAIL-HELD";

  public static MailHold of(Path dataDir) {
    return new MailHold(dataDir.resolve(FILE));
  }

  public boolean held() {
    return Files.isRegularFile(file);
  }

  /** Why mail is held, as written when it was; empty when it is not. */
  public String reason() {
    try {
      return held() ? Files.readString(file, StandardCharsets.UTF_8).strip() : "";
    } catch (IOException e) {
      return "held (" + file + " cannot be read: " + e.getMessage() + ")";
    }
  }

  /** {@code mail} without its server while mail is held; as it is otherwise. */
  public MailSettings apply(MailSettings mail) {
    if (!held() || !mail.canSend()) {
      return mail;
    }
    return new MailSettings(null, mail.port(), mail.startTls(), mail.user(), mail.password(), mail.from(), mail.baseUrl(),
        mail.timeout(), mail.pause());
  }

  public void hold(String reason) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, reason + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot hold mail: cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Returns whether mail was held. */
  public boolean resume() {
    try {
      return Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resume mail: cannot remove " + file + ": " + e.getMessage(), e);
    }
  }
}

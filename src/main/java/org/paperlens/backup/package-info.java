/**
 * {@code paperlens backup DIR} and {@code paperlens restore DIR}: a catalogue copy and an index
 * snapshot that fit together (the index taken first, so its watermark is never ahead of the
 * catalogue copied after it: a restored server only catches the index up), a manifest saying what
 * was copied and at which catalogue change, and the mail hold ({@link org.paperlens.backup.MailHold})
 * a restore leaves behind so that a copy started with the production mail settings mails nobody.
 */
package org.paperlens.backup;

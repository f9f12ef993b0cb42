package org.paperlens.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A key the site signs with (trusted-browser cookies, CSRF tokens): HMAC-SHA256, URL-safe base64.
 * One per purpose; made once and kept in the catalogue ({@link LimitStore#siteKey}), so every
 * serve process on one catalogue accepts what another signed, and a restart keeps them valid.
 */
public final class SiteKey {

  private final SecretKeySpec key;

  private SiteKey(byte[] key) {
    this.key = new SecretKeySpec(key, "HmacSHA256");
  }

  /** A key from its stored form ({@link #newEncoded}). */
  public static SiteKey decode(String encoded) {
    return new SiteKey(Base64.getUrlDecoder().decode(encoded));
  }

  /** A fresh random key, in the form {@link #decode} reads. */
  public static String newEncoded() {
    return Secrets.newToken();
  }

  /** A key of this process only: tests, and a site whose keys cannot be stored. */
  public static SiteKey random() {
    return decode(newEncoded());
  }

  /** The signature of {@code text} (43 characters). */
  public String sign(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** Whether {@code signature} is that of {@code text}, compared in constant time. */
  public boolean verifies(String text, String signature) {
    return signature != null && MessageDigest.isEqual(sign(text).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }
}

package org.paperlens.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random bearer secrets (session cookies, API tokens, CSRF tokens) and the hashes we store of them. */
public final class Secrets {

  /**
   * One generator per thread: a shared {@code SecureRandom} serialises every page view on its lock
   * (each anonymous visitor gets a CSRF token), which showed as seconds of blocked time under load.
   */
  private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(Secrets::newGenerator);

  private Secrets() {}

  /** 32 random bytes, URL-safe base64 (43 characters). */
  public static String newToken() {
    byte[] b = new byte[32];
    RANDOM.get().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static SecureRandom newGenerator() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }

  /** SHA-256 in hex: a stolen database does not give away live sessions or tokens. */
  public static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Constant-time comparison, so a mismatch does not leak how many characters matched. */
  public static boolean same(String a, String b) {
    return a != null && b != null
        && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}

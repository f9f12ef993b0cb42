package org.paperlens.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (Bouncy Castle) in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), the OWASP minimum parameters: 19 MiB,
 * two passes. Verifying reads the parameters from the stored string, so they can be raised later
 * without invalidating old hashes. Thread-safe; each call costs ~20-40 ms of one core and 19 MiB
 * by design, so at most one hash per core runs at once: fifty log-ins arriving together wait
 * their turn instead of claiming a gigabyte.
 */
public final class PasswordHasher {

  public static final PasswordHasher DEFAULT = new PasswordHasher(19 * 1024, 2, 1);

  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();
  private final SecureRandom random = new SecureRandom();
  private final int memoryKib;
  private final int iterations;
  private final int parallelism;
  private final Semaphore running = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));

  public PasswordHasher(int memoryKib, int iterations, int parallelism) {
    this.memoryKib = memoryKib;
    this.iterations = iterations;
    this.parallelism = parallelism;
  }

  public String hash(String password) {
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    byte[] out = derive(password, salt, memoryKib, iterations, parallelism, 32);
    return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism
        + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(out);
  }

  /** True when {@code password} matches {@code stored}; false for any malformed stored value. */
  public boolean verify(String password, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 6 || !parts[1].equals("argon2id")) {
      return false;
    }
    try {
      int m = 0, t = 0, p = 0;
      for (String kv : parts[3].split(",")) {
        String[] pair = kv.split("=");
        int v = Integer.parseInt(pair[1]);
        switch (pair[0]) {
          case "m" -> m = v;
          case "t" -> t = v;
          case "p" -> p = v;
          default -> { return false; }
        }
      }
      byte[] salt = B64D.decode(parts[4]);
      byte[] expected = B64D.decode(parts[5]);
      byte[] actual = derive(password, salt, m, t, p, expected.length);
      return MessageDigest.isEqual(expected, actual);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private byte[] derive(String password, byte[] salt, int m, int t, int p, int length) {
    running.acquireUninterruptibly();
    try {
      return argon2id(password, salt, m, t, p, length);
    } finally {
      running.release();
    }
  }

  private static byte[] argon2id(String password, byte[] salt, int m, int t, int p, int length) {
    Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(m).withIterations(t).withParallelism(p).withSalt(salt).build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(params);
    byte[] out = new byte[length];
    generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}

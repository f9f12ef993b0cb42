package org.paperlens.citation.http;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body collected up to a limit, the same guard as the harvester's (ingest's
 * {@code CappedBody}, which is package-private there): past the limit the transfer is cancelled
 * and the body fails with {@link TooLarge}; for error pages, which are only quoted, it ends with
 * what came so far. A {@code Content-Length} over the limit fails before the first byte.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

  /** The body, as sent or unpacked, is over the limit; never retried. */
  static final class TooLarge extends IOException {
    TooLarge(long limit, boolean unpacked) {
      super(String.format("the response is larger than %,d bytes%s", limit, unpacked ? " once unpacked" : ""));
    }
  }

  private final long limit;
  private final long declared;
  private final boolean truncate;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private Flow.Subscription subscription;

  private CappedBody(long limit, long declared, boolean truncate) {
    this.limit = limit;
    this.declared = declared;
    this.truncate = truncate;
  }

  /** Whole or failed for a 200; cut short at {@code errorPageLimit} for any other status. */
  static HttpResponse.BodyHandler<byte[]> handler(long limit, int errorPageLimit) {
    return info -> info.statusCode() == 200
        ? new CappedBody(limit, info.headers().firstValueAsLong("Content-Length").orElse(-1), false)
        : new CappedBody(errorPageLimit, -1, true);
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (declared > limit) {
      s.cancel();
      result.completeExceptionally(new TooLarge(limit, false));
    } else {
      s.request(Long.MAX_VALUE);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer b : buffers) {
      long room = limit - bytes.size();
      if (b.remaining() > room) {
        subscription.cancel();
        if (truncate) {
          write(b, (int) room);
          result.complete(bytes.toByteArray());
        } else {
          result.completeExceptionally(new TooLarge(limit, false));
        }
        return;
      }
      write(b, b.remaining());
    }
  }

  private void write(ByteBuffer b, int n) {
    byte[] chunk = new byte[n];
    b.get(chunk);
    bytes.write(chunk, 0, n);
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    result.complete(bytes.toByteArray());
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  /** {@code in}, failing with {@link TooLarge} once more than {@code limit} bytes came out of it (a gzip bomb). */
  static InputStream unpackedAtMost(InputStream in, long limit) {
    return new FilterInputStream(in) {
      private long count;

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && ++count > limit) {
          throw new TooLarge(limit, true);
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0 && (count += n) > limit) {
          throw new TooLarge(limit, true);
        }
        return n;
      }
    };
  }
}

package org.paperlens.ingest;

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
 * A response body collected up to a limit. Past it, the transfer is cancelled at once (the rest
 * is never read) and the body fails with {@link ResponseTooLarge}, or, for error pages that are
 * only quoted, ends with what came so far. A {@code Content-Length} over the limit fails before
 * the first byte. Used by one response at a time, on the HTTP client's threads. The harvester and
 * the citation sources share it.
 */
public final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

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

  /** A handler giving each response a capped body: whole or failed for 200, cut short for any other status. */
  public static HttpResponse.BodyHandler<byte[]> handler(long limit, int errorPageLimit) {
    return info -> info.statusCode() == 200
        ? new CappedBody(limit, info.headers().firstValueAsLong("Content-Length").orElse(-1), false)
        : new CappedBody(errorPageLimit, -1, true);
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (declared > limit) {
      s.cancel();
      result.completeExceptionally(new ResponseTooLarge(limit, false));
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
      int room = (int) Math.min(Integer.MAX_VALUE, limit - bytes.size());
      if (b.remaining() > room) {
        subscription.cancel();
        if (truncate) {
          write(b, room);
          result.complete(bytes.toByteArray());
        } else {
          result.completeExceptionally(new ResponseTooLarge(limit, false));
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

  /** {@code in}, failing with {@link ResponseTooLarge} once more than {@code limit} bytes came out of it. */
  public static InputStream unpackedAtMost(InputStream in, long limit) {
    return new FilterInputStream(in) {
      private long count;

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && ++count > limit) {
          throw new ResponseTooLarge(limit, true);
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0 && (count += n) > limit) {
          throw new ResponseTooLarge(limit, true);
        }
        return n;
      }
    };
  }
}

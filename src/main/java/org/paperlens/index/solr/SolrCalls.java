package org.paperlens.index.solr;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.paperlens.index.IndexUnavailableException;

/**
 * Runs a Solr write with a deadline from outside SolrJ and sends it once more when it fails or is
 * abandoned: an update, a delete or a commit is idempotent (documents are whole, keyed by id; the
 * watermark document is written with each batch), so a second send cannot double anything. A call
 * still stuck at its deadline is abandoned (its thread interrupted, its answer ignored), and the
 * caller gets an {@link IndexUnavailableException} that says so; the pipeline re-applies the batch
 * from its watermark later.
 */
final class SolrCalls {

  private static final Logger LOG = Logger.getLogger(SolrCalls.class.getName());
  private static final int SENDS = 2;
  /** A daemon thread per call in flight: an abandoned call's thread never holds up the exit. */
  private static final ExecutorService CALLS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "solr-call");
    t.setDaemon(true);
    return t;
  });

  @FunctionalInterface
  interface Call {
    void run() throws Exception;
  }

  private SolrCalls() {}

  /** Runs {@code call} within {@code deadline}, sending it again once if it fails; {@code what} names it in messages. */
  static void write(String what, Duration deadline, Call call) {
    for (int send = 1; ; send++) {
      try {
        within(deadline, call);
        return;
      } catch (TimeoutException e) {
        if (send >= SENDS) {
          throw new IndexUnavailableException(what + " did not answer in " + deadline.toSeconds() + " s, "
              + send + " times: abandoned (applied again from the index's watermark later)", e);
        }
        LOG.warning(() -> what + " did not answer in " + deadline.toSeconds() + " s: abandoned and sent again");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IndexUnavailableException(what + " interrupted", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (send >= SENDS) {
          throw new IndexUnavailableException(what + " failed: " + firstLine(String.valueOf(cause.getMessage())), cause);
        }
      }
    }
  }

  private static void within(Duration deadline, Call call) throws TimeoutException, InterruptedException, ExecutionException {
    Callable<Void> task = () -> {
      call.run();
      return null;
    };
    Future<Void> f = CALLS.submit(task);
    try {
      f.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | InterruptedException e) {
      f.cancel(true);
      throw e;
    }
  }

  static String firstLine(String message) {
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}

package org.paperlens.app;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.paperlens.account.AccountLimits;
import org.paperlens.account.PasswordHasher;
import org.paperlens.config.Config;
import org.paperlens.config.MailSettings;
import org.paperlens.embed.Encoder;
import org.paperlens.index.VectorLookup;
import org.paperlens.ingest.FetchLimits;
import org.paperlens.search.QueryEncoder;

/**
 * The parts of a {@link PaperLens} root that a server or a test chooses before it is built;
 * everything else follows from them. Start with {@link PaperLens#builder}.
 */
public final class Parts {

  final Config config;
  final IndexBackend backend;
  final Clock clock;
  MailSettings mail = MailSettings.resolve(Map.of());
  boolean serving;
  PasswordHasher hasher = PasswordHasher.DEFAULT;
  AccountLimits accountLimits;
  QueryEncoder queryEncoder;
  VectorLookup vectors;
  Encoder.Options encoderOptions;
  URI submissionsFrom;
  FetchLimits fetchLimits = FetchLimits.SUBMISSION;
  org.paperlens.ops.Operations operations = org.paperlens.ops.Operations.NONE;

  Parts(Config config, IndexBackend backend, Clock clock) {
    this.config = config;
    this.backend = backend;
    this.clock = clock;
  }

  /** The mail server and the site's public URL (default: none, so nothing can be mailed). */
  public Parts mail(MailSettings mail) {
    this.mail = mail;
    return this;
  }

  /** The operators' surface of a server: the metrics token and the request log (default: neither). */
  public Parts operations(org.paperlens.ops.Operations operations) {
    this.operations = operations;
    return this;
  }

  /** For a server: the live index, updated as the catalogue changes, and an encoder tuned for many queries. */
  public Parts serving() {
    this.serving = true;
    return this;
  }

  public Parts passwordHasher(PasswordHasher hasher) {
    this.hasher = hasher;
    return this;
  }

  public Parts accountLimits(AccountLimits limits) {
    this.accountLimits = limits;
    return this;
  }

  /** Queries to vectors without the model (a test's topic encoder). */
  public Parts queryEncoder(QueryEncoder encoder) {
    this.queryEncoder = encoder;
    return this;
  }

  /** Papers' vectors from elsewhere than the vector store (a test's fixed vectors). */
  public Parts vectors(VectorLookup vectors) {
    this.vectors = vectors;
    return this;
  }

  public Parts encoderOptions(Encoder.Options options) {
    this.encoderOptions = options;
    return this;
  }

  /** Where submitted papers missing from the catalogue are fetched (OAI-PMH); default nowhere. */
  public Parts submissionsFrom(URI oaiUrl, FetchLimits limits) {
    this.submissionsFrom = oaiUrl;
    this.fetchLimits = limits;
    return this;
  }

  public PaperLens build() {
    return new PaperLens(this);
  }
}

/**
 * Personal libraries: saved papers with tags, the positives for "recommended for you". Tags are
 * private unless their owner makes one public, which gives it a feed. A save counts towards the
 * community's totals through {@link org.paperlens.library.LibraryStore.SaveCounter}, an interface
 * owned here, so the library needs no community code.
 */
package org.paperlens.library;

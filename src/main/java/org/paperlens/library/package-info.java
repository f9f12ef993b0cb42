/**
 * Personal libraries: saved papers with tags, the positives for "recommended for you". Tags are
 * private unless their owner makes one public, which gives it a feed.
 */
package org.paperlens.library;

/**
 * Related papers: a paper's dense neighbours and its lexical more-like-this matches, fused, each
 * with the reason a person can check (shared distinctive words, embedding similarity); where the
 * citation graph holds the paper, fused with its co-cited and coupled papers ({@link
 * org.paperlens.related.CitationSignal}), and the reason says what the graph found.
 */
package org.paperlens.related;

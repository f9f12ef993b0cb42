/**
 * Related papers: a paper's dense neighbours and its lexical more-like-this matches, fused, each
 * with the reason a person can check (shared distinctive words, embedding similarity).
 */
package org.paperlens.related;

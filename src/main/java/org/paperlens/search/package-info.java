/**
 * Searching papers: the modes (keyword, semantic, hybrid), fusion of rankings, pinning of exact
 * id and title matches, pagination and snippets. Index access goes through {@link
 * org.paperlens.index.PaperIndex} only.
 */
package org.paperlens.search;

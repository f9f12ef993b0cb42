/**
 * TeX in titles and abstracts, read by a small scanner of our own: {@link org.paperlens.tex.TexLexer}
 * splits a text into text runs and math spans ({@link org.paperlens.tex.TexToken}), and
 * {@link org.paperlens.tex.TexNodes} reads either into commands, characters and brace groups. From
 * there {@link org.paperlens.tex.TexRendering} gives readable Unicode (or HTML with superscripts)
 * and {@link org.paperlens.tex.KatexTex} gives math TeX that KaTeX and BibTeX accept. Everything
 * here is pure and thread-safe; callers are the search index, pages, feeds, mails and exports.
 */
package org.paperlens.tex;

/**
 * Citations out and in: BibTeX, RIS and CSL-JSON writers for papers ({@link org.paperlens.export.CitationFormat}),
 * and BibTeX import that matches entries to catalogue papers ({@link org.paperlens.export.BibtexImport}).
 */
package org.paperlens.export;

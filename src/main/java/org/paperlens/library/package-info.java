/** Personal libraries: saved papers with private tags, the positives for "recommended for you". */
package org.paperlens.library;

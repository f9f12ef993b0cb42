/**
 * The few types every feature may use without depending on another feature: reporting the progress
 * of long work ({@link org.paperlens.common.Progress}) and the error for an input that is unusable
 * as a whole ({@link org.paperlens.common.BadInputException}). Depends on nothing else in paperlens.
 */
package org.paperlens.common;

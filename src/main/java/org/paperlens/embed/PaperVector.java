package org.paperlens.embed;

import org.paperlens.paper.PaperId;

/**
 * A paper's vector under one model, as stored.
 *
 * <p>The array is shared, not copied (vectors are many and large); nobody may change it after
 * construction. Record equality compares the array by identity, so compare vectors element-wise.
 *
 * @param textHash {@link EmbeddedText#hash()} of the text the vector was computed from
 */
public record PaperVector(PaperId id, float[] vector, String textHash) {}

/**
 * CTGAN (Xu et al., NeurIPS 2019) on DJL's PyTorch engine: fit a conditional tabular GAN, sample
 * from it, save and load it, and hand out a frozen {@link dev.shifter.api.GeneratorAdapter}.
 */
@NullMarked
package dev.shifter.ctgan;

import org.jspecify.annotations.NullMarked;

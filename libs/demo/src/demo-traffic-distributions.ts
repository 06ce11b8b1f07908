/** Draws from the distributions call-center traffic follows, on a seeded uniform source. */
export type Uniform = () => number;

// Math's members bound once: a global lookup per call is slow in sandboxes such as Jest's vm.
const { cos, exp, log, min, PI, sin, sqrt } = Math;

export interface Sampler {
  uniform: Uniform;
  /** Poisson (Knuth's product method, in chunks so e^-λ never underflows; cost grows with the count). */
  poisson(mean: number): number;
  /** Lognormal given its median and the sigma of its logarithm. */
  lognormal(median: number, sigma: number): number;
  exponential(mean: number): number;
}

/** Samplers over one uniform source; Box-Muller's second normal is kept for the next draw. */
export function sampler(uniform: Uniform): Sampler {
  let spare: number | null = null;
  const normal = (): number => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    const radius = sqrt(-2 * log(1 - uniform()));
    const angle = 2 * PI * uniform();
    spare = radius * sin(angle);
    return radius * cos(angle);
  };
  return {
    uniform,
    poisson(mean) {
      let count = 0;
      for (let rest = mean; rest > 0; rest -= 30) {
        const limit = exp(-min(rest, 30));
        for (let product = uniform(); product > limit; product *= uniform()) count += 1;
      }
      return count;
    },
    lognormal: (median, sigma) => median * exp(sigma * normal()),
    exponential: (mean) => -mean * log(1 - uniform()),
  };
}

/** Mean of a lognormal given its median and sigma. */
export function lognormalMean(median: number, sigma: number): number {
  return median * Math.exp((sigma * sigma) / 2);
}

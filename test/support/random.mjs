// Seeded PRNG: a failing random split or fuzz input can be replayed from its seed. Same generator as the bench.
import { rng } from '../../bench/lib/random.mjs'

export const seededRandom = (seed) => rng(seed).next

// Property tests run from one seed, so that npm test (and CI) is
// reproducible; `FC_SEED=random npm test` explores, and `npm run fuzz`
// covers far more ground.
import fc from 'fast-check';

const seed = process.env.FC_SEED;
if (seed !== 'random') fc.configureGlobal({ seed: seed === undefined ? 20261201 : Number(seed) });

/**
 * Property tests run with a random seed on a laptop, where a new counterexample is welcome,
 * and with a pinned seed in CI, where a red build must be reproducible from its log.
 */
import fc from 'fast-check';

if (process.env.CI) fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261123) });

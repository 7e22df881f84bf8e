/**
 * With `SPELLINGS_SEED` set, each connection speaks the production spellings the contract
 * tolerates: every frame goes out as ours or as one tolerated rewrite, picked by a seeded RNG
 * (src/protocol/tolerance-corpus.ts). For trying the client against "any mix" end to end.
 */
import { spellingsFor, type Frame } from '../../src/protocol/tolerance-corpus';
import { createRng } from '../sim/rng';

export type Respeller = (frame: Frame) => Frame[];

export function createRespeller(seed: number): Respeller {
  const rng = createRng(seed);
  return (frame) => {
    const options = spellingsFor(frame);
    const pick = Math.floor(rng.next() * (options.length + 1));
    return pick === 0 ? [frame] : options[pick - 1]!.respell(frame);
  };
}

import type { AiProvider } from '../provider';
import { localBreakdown } from './breakdown.rules';
import { localPrioritize } from './prioritize.rules';
import { localSummarize } from './summarize.rules';

export const LOCAL_MODEL = 'wink-eng-lite-rules-v1';

/** The offline provider: no network, no key, deterministic rules over wink-nlp (docs/ai.md). */
export function localProvider(): AiProvider {
  return {
    name: 'local',
    model: LOCAL_MODEL,
    breakdown: (input) => Promise.resolve(localBreakdown(input)),
    prioritize: (input) => Promise.resolve(localPrioritize(input)),
    summarize: (input) => Promise.resolve(localSummarize(input)),
  };
}

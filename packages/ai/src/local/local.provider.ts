import type { AiProvider, CallOptions } from '../provider';
import { localBreakdown } from './breakdown.rules';
import { localNext } from './next.rules';
import { localPrioritize } from './prioritize.rules';
import { localSummarize } from './summarize.rules';
import { localAnalyseEntry } from './worklog.rules';

/**
 * The local rules' version, stored with every answer they give (`source.model`, an analysis's
 * `model`). Bump it whenever a rule changes what it answers: AI results are cached by it, and the
 * work log re-reads analyses stored under an older one (`maintenance/reanalyse-entries`).
 */
export const LOCAL_MODEL = 'wink-eng-lite-rules-v5';

/** The offline provider: no network, no key, deterministic rules over wink-nlp (docs/ai.md). */
export function localProvider(): AiProvider {
  // Local calls are free but still reported, so usage shows how much work the offline model did.
  const run = async <T>(options: CallOptions, work: () => T): Promise<T> => {
    const value = work();
    await options.onCall?.({
      provider: 'local',
      model: LOCAL_MODEL,
      feature: options.feature,
      promptTokens: 0,
      completionTokens: 0,
    });
    return value;
  };
  return {
    name: 'local',
    model: LOCAL_MODEL,
    breakdown: (input, options) => run(options, () => localBreakdown(input)),
    prioritize: (input, options) => run(options, () => localPrioritize(input)),
    summarize: (input, options) => run(options, () => localSummarize(input)),
    analyseEntry: (input, options) => run(options, () => localAnalyseEntry(input)),
    next: (input, options) => run(options, () => localNext(input)),
  };
}

/**
 * How long a test gives an api or worker process it spawns through tsx to start: to log that it is
 * ready or listening, or, for one meant to refuse to start, to exit. tsx compiles the process's
 * TypeScript as it loads it: a few seconds on an idle machine, more than the 20–30 s the suites used
 * to allow on a CI runner at load 11–13 on 2 cores. One figure for every such suite.
 *
 * A test's (or hook's) jest timeout is this once for each process it starts, plus the time its own
 * work had before (the preset's 30 s for a test that had no timeout of its own): the start no
 * longer eats into that work's budget.
 */
export const PROCESS_START_MS = 60_000;

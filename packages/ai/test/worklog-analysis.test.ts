import { EntryAnalysisOutput } from '@teamflow/contracts/worklog';
import { localProvider } from '../src/local/local.provider';
import { entryMeaningVector, localAnalyseEntry } from '../src/local/worklog.rules';
import { dot } from '../src/local/word-vectors';

const projects = [
  { name: 'Payments', key: 'PAY' },
  { name: 'Mobile App', key: 'MOB' },
  { name: 'Search', key: 'SRCH' },
];
const read = (body: string, tags: string[] = []) => localAnalyseEntry({ body, tags, projects });

/** ~20 entries written for this test: the sign the author meant, and what each names. */
const ENTRIES: { body: string; sign: 1 | -1; skills?: string[]; projects?: string[] }[] = [
  {
    body: 'Great day! Shipped the new checkout for Payments and the team loved it.',
    sign: 1,
    projects: ['Payments'],
  },
  {
    body: 'Frustrating morning: the build kept failing and I wasted two hours on flaky tests.',
    sign: -1,
    skills: ['Testing'],
  },
  {
    body: 'Deployed Kubernetes manifests for the Search cluster, a nice win for the team.',
    sign: 1,
    skills: ['Kubernetes'],
    projects: ['Search'],
  },
  {
    body: 'Moved our k8s jobs to a new node pool. Happy with how clean it is now.',
    sign: 1,
    skills: ['Kubernetes'],
  },
  { body: 'I am exhausted and annoyed. Meetings all day, nothing got done.', sign: -1 },
  {
    body: 'Reviewed three pull requests and paired with Sam on PAY-42. Good progress.',
    sign: 1,
    skills: ['Code review', 'Mentoring'],
    projects: ['Payments'],
  },
  {
    body: 'The release was a disaster, we had to roll back and customers were angry.',
    sign: -1,
    skills: ['CI/CD'],
  },
  { body: 'Not a good day. The migration broke staging and I could not fix it.', sign: -1, skills: ['SQL'] },
  {
    body: 'Fixed the memory leak in the Mobile App, crash rate is down 40%. Really proud.',
    sign: 1,
    projects: ['Mobile App'],
  },
  {
    body: 'Wrote TypeScript types for the REST API and added tests. Nice and tidy.',
    sign: 1,
    skills: ['TypeScript', 'REST APIs', 'Testing'],
  },
  {
    body: 'Stressful on-call shift, two outages overnight and I barely slept.',
    sign: -1,
    skills: ['Incident response'],
  },
  {
    body: 'Reduced p99 latency from 800 to 120 ms on the search endpoint, excellent result.',
    sign: 1,
    skills: ['Performance'],
  },
  { body: 'Blocked all day waiting for access, really annoying and a waste of time.', sign: -1 },
  {
    body: 'Led the sprint planning and the team agreed on a clear, exciting roadmap.',
    sign: 1,
    skills: ['Planning', 'Leadership'],
  },
  {
    body: 'Terrible bug in Postgres queries, everything is slow and users complain.',
    sign: -1,
    skills: ['PostgreSQL'],
  },
  {
    body: 'Interviewed a strong candidate today, enjoyed the conversation a lot.',
    sign: 1,
    skills: ['Hiring'],
  },
  {
    body: 'Docker images are broken again; I hate fighting the same problem every week.',
    sign: -1,
    skills: ['Docker'],
  },
  {
    body: 'Wrote the design doc for #payments refunds; feedback was positive and helpful.',
    sign: 1,
    skills: ['Technical writing'],
    projects: ['Payments'],
  },
  { body: "Didn't manage to finish anything, feeling sad and behind.", sign: -1 },
  { body: 'Automated the Redis backups with a cron job, it works perfectly.', sign: 1, skills: ['Redis'] },
];

describe('local work-log analysis', () => {
  it.each(ENTRIES.map((e, i) => [i + 1, e] as const))(
    'entry %i: sentiment sign, skills and projects',
    (_n, e) => {
      const out = read(e.body);
      expect(Math.sign(out.sentiment.score)).toBe(e.sign);
      expect(out.sentiment.label).toBe(e.sign > 0 ? 'positive' : 'negative');
      for (const skill of e.skills ?? []) expect(out.skills).toContain(skill);
      for (const project of e.projects ?? []) expect(out.projects).toContain(project);
      // Whatever the rules find fits the strict schema a model's answer must match.
      expect(EntryAnalysisOutput.parse(out)).toEqual(out);
    },
  );

  it('counts a negated feeling against the author ("not good")', () => {
    expect(read('The demo was good.').sentiment.score).toBeGreaterThan(0);
    expect(read('The demo was not good.').sentiment.score).toBeLessThan(0);
  });

  it('finds achievements by their outcome verb, with the metric and impact the entry states', () => {
    const out = read(
      'Morning standup. Reduced p99 latency from 800 to 120 ms on checkout. Shipped the export button, so that support can stop running scripts. Cut CI time by 40%. Had lunch.',
    );
    expect(out.achievements.map((a) => a.metric)).toEqual([
      'p99 latency from 800 to 120 ms',
      undefined,
      '40%',
    ]);
    expect(out.achievements[1]).toMatchObject({
      text: 'Shipped the export button, so that support can stop running scripts.',
      impact: 'so that support can stop running scripts',
    });
    expect(out.achievements).toHaveLength(3);
  });

  it.each([
    'The queue worker went down during a deploy and jobs were dropped.',
    'Much calmer deploys.',
    'We had a rushed deploy and the release was rolled back.',
    'Deploy broke twice and we lost the afternoon.',
  ])('does not take a setback that names an outcome as a noun for an achievement: %s', (sentence) => {
    expect(read(sentence).achievements).toEqual([]);
  });

  it.each([
    'Fixed a crash in the importer.',
    'Deployed the new search to production.',
    'We finally shipped the mobile app.',
    'Resolved the outage after two painful hours.',
  ])('still takes an outcome the author did, setback words and all: %s', (sentence) => {
    expect(read(sentence).achievements).toEqual([expect.objectContaining({ text: sentence })]);
  });

  it.each([
    [
      'Migrated PostgreSQL to 16 on staging with Docker; p95 latency from 120 to 70 ms.',
      'p95 latency from 120 to 70 ms',
    ],
    ['Mentored Maya on Kubernetes basics and reviewed her pull request.', undefined],
  ])('takes a sentence that starts with its outcome verb before a name: %s', (sentence, metric) => {
    expect(read(sentence).achievements).toEqual([{ text: sentence, ...(metric ? { metric } : {}) }]);
  });

  it('takes an outcome verb in the past before a word wink tags as a verb: fixed focus order', () => {
    const sentence =
      'Accessibility audit of the board with a screen reader; fixed focus order and aria labels.';
    expect(read(sentence).achievements).toEqual([{ text: sentence }]);
  });

  it.each([
    [
      'Profiled the board with 2,000 tasks: first paint from 1800 to 450 ms after virtualising columns.',
      'first paint from 1800 to 450 ms',
    ],
    ['Trimmed the bundle from 1.2 MB to 640 kb.', 'the bundle from 1.2 MB to 640 kb'],
    ['Nightly build from 2 hours to 35 minutes with the cache.', 'Nightly build from 2 hours to 35 minutes'],
  ])('takes a time or size that went down as an outcome whatever the verb: %s', (sentence, metric) => {
    expect(read(sentence).achievements).toEqual([{ text: sentence, metric }]);
  });

  it.each([
    'Build time went from 4 to 12 minutes after the upgrade.',
    'Looked at the queue: jobs from 300 to 40 per minute.',
    'Checked the dashboard, p95 from 200 ms to 1.5 s since Monday.',
  ])('does not take a time that went up, or a count without a unit, for an achievement: %s', (sentence) => {
    expect(read(sentence).achievements).toEqual([]);
  });

  it.each([
    'Tomorrow: fix the flaky test and ship the export.',
    'Need to migrate the billing tables next week.',
    'Need to speed up the build before the release.',
    'Build time went from 4 to 12 minutes after the upgrade.',
  ])('does not take a plan or a noun in the base form for an achievement: %s', (sentence) => {
    expect(read(sentence).achievements).toEqual([]);
  });

  it.each([
    ['Reduced layout shifts from 12 to 0 on the board.', 'layout shifts from 12 to 0'],
    ['Cut the queue from 300 to 40 jobs after the fix.', 'the queue from 300 to 40 jobs'],
  ])('ends a "from A to B" metric at its unit, not at the next word: %s', (sentence, metric) => {
    expect(read(sentence).achievements).toEqual([{ text: sentence, metric }]);
  });

  it('does not take a negated outcome for an achievement', () => {
    expect(read("We didn't ship the release today.").achievements).toEqual([]);
  });

  it('links projects by name, by task key and by #tag, and keeps other #tags as projects', () => {
    expect(read('Worked on MOB-12 and the search ranking. #growth').projects).toEqual([
      'Mobile App',
      'Search',
      'growth',
    ]);
    expect(read('Plain day.', ['payments']).projects).toEqual(['Payments']);
  });

  it('names the themes an entry returns to, leaving skills and projects out', () => {
    const out = read(
      'Customer calls about invoices. More invoices questions from another customer. Docker again.',
    );
    expect(out.themes.slice(0, 2)).toEqual(['customer', 'invoice']);
    expect(out.themes).not.toContain('docker');
  });

  it('answers through the provider interface as the local provider', async () => {
    const out = await localProvider().analyseEntry(
      { body: 'Shipped it!', tags: [], projects: [] },
      { feature: 'analyse-entry' },
    );
    expect(out.achievements).toHaveLength(1);
  });
});

describe('meaning vectors for search', () => {
  const corpus = [
    'The payments service went down for an hour this morning and customers could not check out.',
    'Paired with Ana on the new onboarding flow, wrote tests for the signup form.',
    'Spent the afternoon in planning meetings for next quarter roadmap.',
    'Migrated the CI pipeline to GitHub Actions, builds are 40% faster.',
    'Interviewed two candidates for the backend role and wrote feedback.',
  ];
  const closest = (query: string) => {
    const q = entryMeaningVector(query)!;
    const scores = corpus.map((e) => dot(q, entryMeaningVector(e)!));
    return corpus[scores.indexOf(Math.max(...scores))];
  };

  it('finds an entry by meaning when the query shares no word with it', () => {
    expect(closest('outage')).toBe(corpus[0]);
    expect(closest('recruiting')).toBe(corpus[4]);
    expect(closest('slow deployments')).toBe(corpus[3]);
  });

  it('gives unit-length vectors, and none for text without known words', () => {
    const v = entryMeaningVector('deployment went well')!;
    expect(v).toHaveLength(100);
    expect(Math.abs(dot(v, v) - 1)).toBeLessThan(1e-3);
    expect(entryMeaningVector('zzqx')).toBeNull();
  });
});

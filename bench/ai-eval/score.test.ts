import { quantileFromTop, scoreCase, summarise, type PairScore } from './score';
import { stepOf, stepSimilarity, wordScore } from './similarity';

// A hand-made case with a known answer. Meaning comes from a fixed table so the figures below can
// be worked out by hand; words from the real Dice measure.
const expected = ['Bump the version', 'Update the changelog', 'Tag the release', 'Announce the release'];
const suggestions = [
  'Increase the version number', // meaning → "Bump the version"
  'Write the changelog entry', // words (changelog) → "Update the changelog"
  'Write the changelog for the release notes', // second changelog suggestion: no second match
  'Add ARIA labels to the buttons', // unrelated
  'Create a git tag for the release', // words → "Tag the release"
];
const meaningTable: Record<string, number> = {
  'Bump the version|Increase the version number': 0.9,
  'Update the changelog|Write the changelog entry': 0.8,
  'Update the changelog|Write the changelog for the release notes': 0.75,
};
const similarity = (e: string, s: string): PairScore => ({
  meaning: meaningTable[`${e}|${s}`] ?? 0.1,
  words: wordScore(e, s),
});

describe('breakdown scorer', () => {
  it('scores the hand-made case: 3 of 4 expected found, 3 of 5 suggestions useful', () => {
    const score = scoreCase(expected, suggestions, similarity, { meaning: 0.7, words: 0.5 });
    expect(score.matches.map((m) => [expected[m.expected], suggestions[m.suggestion]])).toEqual([
      ['Bump the version', 'Increase the version number'],
      ['Update the changelog', 'Write the changelog entry'],
      ['Tag the release', 'Create a git tag for the release'],
    ]);
    expect(score.recall).toBeCloseTo(3 / 4);
    expect(score.precision).toBeCloseTo(3 / 5);
    expect(score.f1).toBeCloseTo((2 * 0.75 * 0.6) / 1.35);
  });

  it('matches each item at most once: two suggestions saying the same thing earn one match', () => {
    const score = scoreCase(
      ['Update the changelog'],
      ['Update the changelog', 'Update the changelog'],
      similarity,
      {
        meaning: 0.7,
        words: 0.5,
      },
    );
    expect(score.matched).toBe(1);
    expect(score.precision).toBe(0.5);
  });

  it('finds nothing below both thresholds', () => {
    const score = scoreCase(expected, suggestions, similarity, { meaning: 0.95, words: 1.01 });
    expect(score).toMatchObject({ matched: 0, recall: 0, precision: 0, f1: 0 });
  });

  it('gives recall and precision of zero, not NaN, to an empty answer', () => {
    expect(scoreCase(expected, [], similarity, { meaning: 0.7, words: 0.5 })).toMatchObject({
      recall: 0,
      precision: 0,
      f1: 0,
    });
  });

  it('measures shared words by the Dice coefficient of content lemmas', () => {
    // {tag, release} and {create, git, tag, release}: 2 shared of 2 + 4.
    expect(wordScore('Tag the release', 'Create a git tag for the release')).toBeCloseTo(4 / 6);
    expect(wordScore('Bump the version', 'Add ARIA labels')).toBe(0);
  });

  it('pools counts for the micro average and averages cases for the macro one', () => {
    const only = { meaning: 2, words: 0.5 }; // words alone decide here
    const a = scoreCase(['Deploy the server', 'Write the docs'], ['Deploy the server'], similarity, only);
    const b = scoreCase(
      ['Rotate the keys'],
      ['Paint the logo', 'Plan the offsite', 'Order lunch'],
      similarity,
      only,
    );
    const s = summarise([a, b]);
    expect(s.micro.recall).toBeCloseTo(1 / 3);
    expect(s.micro.precision).toBeCloseTo(1 / 4);
    expect(s.macro.recall).toBeCloseTo((0.5 + 0) / 2);
    expect(s.macro.precision).toBeCloseTo((1 + 0) / 2);
  });

  it('takes the threshold that only the given share of scores reach', () => {
    const scores = Array.from({ length: 100 }, (_v, i) => i / 100);
    expect(quantileFromTop(scores, 0.01)).toBeCloseTo(0.99);
    expect(quantileFromTop(scores, 0.1)).toBeCloseTo(0.9);
  });

  it('compares steps on what they say beyond the title, so restating the title matches nothing', () => {
    const title = 'Add Stripe checkout to the web shop';
    const similar = stepSimilarity(wordScore);
    const refunds = stepOf('Handle refunds for Stripe checkout', title);
    expect(refunds.specific).toBe('handle refunds');
    expect(
      similar(refunds, stepOf('Review and ship the Stripe checkout for the web shop', title)).words,
    ).toBe(0);
    expect(similar(refunds, stepOf('Handle refunds', title)).words).toBe(1);
  });

  it('compares an expected step that only restates the title as a whole', () => {
    const title = 'Redis response caching for read-heavy endpoints';
    const similar = stepSimilarity(wordScore);
    const active = stepOf('Redis caching active for read-heavy endpoints', title);
    expect(
      similar(active, stepOf('Enable Redis caching for the read-heavy endpoints', title)).words,
    ).toBeGreaterThan(0.5);
  });
});

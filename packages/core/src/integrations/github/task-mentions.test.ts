import { closingKeys, mentionedKeys } from './task-mentions';

describe('mentionedKeys', () => {
  it('finds each task key once, in order, across texts', () => {
    expect(mentionedKeys('TF-12: fix the login', 'see TF-3 and TF-12', null)).toEqual(['TF-12', 'TF-3']);
  });

  it('ignores lower-case look-alikes and keys glued to other words', () => {
    expect(mentionedKeys('tf-12 xTF-3 UTF-8 rocks')).toEqual(['UTF-8']);
  });
});

describe('closingKeys', () => {
  it.each([
    ['fixes TF-12', ['TF-12']],
    ['Closes: TF-3', ['TF-3']],
    ['resolved TF-7 and fix TF-8', ['TF-7', 'TF-8']],
    ['CLOSE TF-1', ['TF-1']],
  ])('reads %s as closing %j', (text, keys) => expect(closingKeys(text)).toEqual(keys));

  it('does not close a task that is only mentioned', () => {
    expect(closingKeys('Part of TF-12, refs TF-3, prefixes TF-4')).toEqual([]);
  });

  it('does not close a key written in lower case', () => {
    expect(closingKeys('fixes tf-12')).toEqual([]);
  });
});

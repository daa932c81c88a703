import { buildExportDocument } from './build-export';
import type { EntryWithInsight } from './worklog.repository';

// The fields the document reads; the rest of an entry and its analysis play no part here.
const entry = (id: string, achievements: { text: string; metric?: string }[]) =>
  ({
    entry: { id, date: '2026-12-03' },
    insight: { status: 'done', analysedAt: new Date(), projects: ['Web App'], skills: [], achievements },
  }) as unknown as EntryWithInsight;

describe('buildExportDocument', () => {
  it("says an achievement's metric once: in parentheses only when the sentence does not already", () => {
    const doc = buildExportDocument({
      kind: 'review',
      authorName: 'Maya Member',
      from: '2026-12-01',
      to: '2026-12-07',
      tasks: [],
      entries: [
        entry('e1', [
          { text: 'Reduced layout shifts from 12 to 0 on the board.', metric: 'layout shifts from 12 to 0' },
          { text: 'Sped up the board.', metric: '450 ms' },
        ]),
      ],
    });
    expect(doc.sections[0]!.subsections[0]!.bullets.map((b) => b.text)).toEqual([
      'Reduced layout shifts from 12 to 0 on the board.',
      'Sped up the board. (450 ms)',
    ]);
  });
});

import { resolveMapping } from './import-mapping';
import type { ImportTable } from './read-import-file';
import { parseImportDate, validateImportRows } from './validate-import-rows';

const table = (headers: string[], ...rows: string[][]): ImportTable => ({ headers, rows });

describe('parseImportDate', () => {
  it.each([
    ['2025-03-14', '2025-03-14'],
    ['2025-03-14T10:00:00.000Z', '2025-03-14'],
    ['2025-03-14 10:00', '2025-03-14'],
    ['14/Mar/25 10:00 AM', '2025-03-14'],
    ['4/Jan/2026', '2026-01-04'],
  ])('reads %s as %s', (value, day) => expect(parseImportDate(value)).toBe(day));

  it.each(['2025-02-30', '31/Foo/25', 'next week', '14.03.2025'])('refuses %s', (value) =>
    expect(parseImportDate(value)).toBeUndefined(),
  );
});

describe('validateImportRows', () => {
  it('refuses a cell the database cannot store (a NUL) on its row and field, whatever the field', () => {
    const t = table(
      ['Summary', 'Description', 'Labels'],
      ['Fix\u0000 it', 'ok', 'a\u0000b'],
      ['Fine task', '', ''],
    );
    const { errors } = validateImportRows(t, resolveMapping(t), new Map());
    expect(errors).toEqual([
      { row: 1, field: 'title', message: expect.stringMatching(/cannot be stored/) },
      { row: 1, field: 'labels', message: expect.stringMatching(/cannot be stored/) },
    ]);
  });

  it('gathers repeated columns (Jira writes one Labels column per label) into one list', () => {
    const t = table(['Summary', 'Labels', 'Labels'], ['Fix the login', 'auth', 'bug']);
    const { drafts, errors } = validateImportRows(t, resolveMapping(t), new Map());
    expect(errors).toEqual([]);
    expect(drafts[0]!.labelNames).toEqual(['auth', 'bug']);
  });

  it('refuses a row with more labels than a task may carry, naming the row and the count', () => {
    const many = Array.from({ length: 51 }, (_, i) => `label-${i}`).join(', ');
    const t = table(['Summary', 'Labels'], ['Fine task', 'a, b'], ['Junk row', many]);
    const { drafts, errors } = validateImportRows(t, resolveMapping(t), new Map());
    expect(errors).toEqual([{ row: 2, field: 'labels', message: expect.stringContaining('lists 51') }]);
    expect(drafts).toEqual([]); // an import with any refused row writes nothing
  });

  it('matches people by email whatever the case, and lists the others once', () => {
    const t = table(
      ['Summary', 'Assignee'],
      ['First task', 'Ana@Example.com'],
      ['Second task', 'stranger@example.com'],
      ['Third task', 'stranger@example.com'],
    );
    const people = new Map([['ana@example.com', 'user-ana']]);
    const { drafts, unknownPeople } = validateImportRows(t, resolveMapping(t), people);
    expect(drafts.map((d) => d.assigneeIds)).toEqual([['user-ana'], [], []]);
    expect(unknownPeople).toEqual(['stranger@example.com']);
  });

  it('reports parents that are missing, the row itself, or a loop, on the rows concerned', () => {
    const t = table(
      ['Summary', 'Issue key', 'Parent id'],
      ['Loop one', 'A-1', 'A-2'],
      ['Loop two', 'A-2', 'A-1'],
      ['Own parent', 'A-3', 'A-3'],
      ['Orphan', 'A-4', 'A-99'],
      ['Fine child', 'A-5', 'A-6'],
      ['Fine parent', 'A-6', ''],
    );
    const { errors, drafts } = validateImportRows(t, resolveMapping(t), new Map());
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [1, 'parentKey'],
      [2, 'parentKey'],
      [3, 'parentKey'],
      [4, 'parentKey'],
    ]);
    expect(drafts).toEqual([]);
  });

  it('links a sub-task to its parent row wherever the parent sits in the file', () => {
    const t = table(
      ['Title', 'ID', 'Parent issue', 'Team', 'Estimate'],
      ['Child', 'E-2', 'E-1', 'Eng', '0'],
      ['Parent', 'E-1', '', 'Eng', '3'],
    );
    const mapping = resolveMapping(t);
    expect(mapping.source).toBe('linear');
    const { drafts } = validateImportRows(t, mapping, new Map());
    expect(drafts.map((d) => [d.title, d.parentIndex, d.storyPoints])).toEqual([
      ['Child', 1, null],
      ['Parent', null, 3],
    ]);
  });

  it('asks for a mapping for a status it does not know, and takes the one the user chose', () => {
    const t = table(['Summary', 'Status'], ['Check the invoices', 'Waiting for QA']);
    const detected = resolveMapping(t);
    expect(detected.statuses).toEqual({ 'Waiting for QA': null });
    expect(validateImportRows(t, detected, new Map()).errors).toEqual([
      { row: 1, field: 'status', message: 'No status is mapped for "Waiting for QA"' },
    ]);
    const chosen = resolveMapping(t, { statuses: { 'Waiting for QA': 'in_review' } });
    expect(validateImportRows(t, chosen, new Map()).drafts[0]!.status).toBe('in_review');
  });
});

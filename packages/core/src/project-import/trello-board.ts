import { z } from 'zod';
import type { ImportTable } from './read-import-file';

/** The parts of Trello's board JSON export (board menu → Export as JSON) that an import reads. */
const TrelloBoard = z.object({
  id: z.string(),
  name: z.string(),
  lists: z.array(z.object({ id: z.string(), name: z.string(), closed: z.boolean().optional() })),
  cards: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      desc: z.string().nullish(),
      idList: z.string(),
      closed: z.boolean().optional(),
      due: z.string().nullish(),
      idLabels: z.array(z.string()).optional(),
      idMembers: z.array(z.string()).optional(),
      idShort: z.number().optional(),
    }),
  ),
  labels: z.array(z.object({ id: z.string(), name: z.string().nullish(), color: z.string().nullish() })),
  members: z
    .array(z.object({ id: z.string(), fullName: z.string().nullish(), username: z.string().nullish() }))
    .default([]),
  checklists: z
    .array(
      z.object({
        idCard: z.string(),
        name: z.string(),
        checkItems: z.array(z.object({ name: z.string(), state: z.string(), pos: z.number().optional() })),
      }),
    )
    .default([]),
});
type TrelloBoard = z.infer<typeof TrelloBoard>;

export function isTrelloBoard(value: unknown): value is TrelloBoard {
  return TrelloBoard.safeParse(value).success;
}

/** The list archived cards are shown under; the default status table maps it to `archived`. */
export const TRELLO_ARCHIVED = 'Archived';

/** The columns a Trello board becomes (the mapping preview shows them like a CSV's). */
export const TRELLO_COLUMNS = ['Card ID', 'Card', 'Description', 'List', 'Labels', 'Members', 'Due'] as const;

function checklistMarkdown(checklists: TrelloBoard['checklists']): string {
  return checklists
    .map((list) => {
      const items = [...list.checkItems]
        .sort((a, b) => (a.pos ?? 0) - (b.pos ?? 0))
        .map((item) => `- [${item.state === 'complete' ? 'x' : ' '}] ${item.name}`);
      return [`**${list.name}**`, '', ...items].join('\n');
    })
    .join('\n\n');
}

/**
 * A board as a table: one row per card. Cards on archived lists, or archived themselves, go to
 * the `Archived` list; checklists become Markdown task lists under the description. Trello's
 * export carries no emails, so members are named by full name (listed as unknown people).
 */
export function trelloBoardTable(input: TrelloBoard): ImportTable {
  const board = TrelloBoard.parse(input);
  const lists = new Map(board.lists.map((l) => [l.id, l]));
  const labels = new Map(board.labels.map((l) => [l.id, l.name?.trim() || l.color || '']));
  const members = new Map(board.members.map((m) => [m.id, m.fullName || m.username || m.id]));
  const checklists = new Map<string, TrelloBoard['checklists']>();
  for (const list of board.checklists)
    checklists.set(list.idCard, [...(checklists.get(list.idCard) ?? []), list]);
  const rows = board.cards.map((card) => {
    const list = lists.get(card.idList);
    const archived = card.closed || !list || list.closed;
    const description = [card.desc ?? '', checklistMarkdown(checklists.get(card.id) ?? [])]
      .filter((part) => part.trim() !== '')
      .join('\n\n');
    return [
      card.id,
      card.name,
      description,
      archived ? TRELLO_ARCHIVED : list.name,
      (card.idLabels ?? [])
        .map((id) => labels.get(id) ?? '')
        .filter(Boolean)
        .join(', '),
      (card.idMembers ?? [])
        .map((id) => members.get(id) ?? '')
        .filter(Boolean)
        .join(', '),
      card.due ?? '',
    ];
  });
  return { source: 'trello', headers: [...TRELLO_COLUMNS], rows };
}

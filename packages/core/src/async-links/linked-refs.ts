import type { LinkedTask, Person } from '@teamflow/contracts/refs';
import type { DbOrTx } from '@teamflow/db/client';
import { invalid } from '../platform/errors';
import { findLinkedTasks, findPeople, membersAmong } from './links.repository';

/** Lookups for mapping rows of this area: people and linked tasks, loaded in two queries. */
export interface Refs {
  person(id: string): Person;
  personOrNull(id: string | null): Person | null;
  tasks(ids: string[]): LinkedTask[];
}

export async function loadRefs(
  db: DbOrTx,
  workspaceId: string,
  userIds: (string | null)[],
  taskIds: string[],
): Promise<Refs> {
  const [people, tasks] = await Promise.all([
    findPeople(
      db,
      userIds.filter((id): id is string => id !== null),
    ),
    findLinkedTasks(db, workspaceId, [...new Set(taskIds)]),
  ]);
  const byPerson = new Map(people.map((p) => [p.id, p]));
  const byTask = new Map(tasks.map((t) => [t.id, t]));
  const person = (id: string) => byPerson.get(id) ?? { id, name: 'Former member' };
  return {
    person,
    personOrNull: (id) => (id ? person(id) : null),
    tasks: (ids) => ids.map((id) => byTask.get(id)).filter((t): t is LinkedTask => t !== undefined),
  };
}

/** Every linked task must be a live task of this workspace (else 400 on the field). */
export async function checkTaskLinks(
  db: DbOrTx,
  workspaceId: string,
  ids: string[] | undefined,
  field = 'taskIds',
): Promise<void> {
  if (!ids || ids.length === 0) return;
  const found = await findLinkedTasks(db, workspaceId, ids);
  if (found.length !== new Set(ids).size) {
    throw invalid([{ field, message: 'Link tasks of this workspace only' }]);
  }
}

/** Every named person must be a member of this workspace (else 400 on the field). */
export async function checkMembers(
  db: DbOrTx,
  workspaceId: string,
  ids: (string | null | undefined)[],
  field: string,
): Promise<void> {
  const wanted = ids.filter((id): id is string => !!id);
  if (wanted.length === 0) return;
  const found = await membersAmong(db, workspaceId, wanted);
  if (found.length !== new Set(wanted).size) {
    throw invalid([{ field, message: 'Name members of this workspace only' }]);
  }
}

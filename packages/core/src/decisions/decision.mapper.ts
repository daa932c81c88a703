import type { Decision, DecisionDetail, DecisionRef } from '@teamflow/contracts/decisions';
import type { DbOrTx } from '@teamflow/db/client';
import { loadRefs, type Refs } from '../async-links/linked-refs';
import { findDecisions, type DecisionRow } from './decisions.repository';

export const decisionKey = (number: number) => `DEC-${number}`;

export function toDecision(row: DecisionRow, refs: Refs): Decision {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    key: decisionKey(row.number),
    number: row.number,
    title: row.title,
    context: row.context,
    decision: row.decision,
    alternatives: row.alternatives,
    consequences: row.consequences,
    status: row.status,
    deciderIds: row.deciderIds,
    deciders: row.deciderIds.map((id) => refs.person(id)),
    taskIds: row.taskIds,
    tasks: refs.tasks(row.taskIds),
    supersedesId: row.supersedesId,
    supersededById: row.supersededById,
    createdBy: row.createdBy,
    author: refs.person(row.createdBy),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const toDecisionRef = (row: DecisionRow): DecisionRef => ({
  id: row.id,
  key: decisionKey(row.number),
  title: row.title,
  status: row.status,
});

export async function toDecisions(db: DbOrTx, workspaceId: string, rows: DecisionRow[]): Promise<Decision[]> {
  const refs = await loadRefs(
    db,
    workspaceId,
    rows.flatMap((r) => [r.createdBy, ...r.deciderIds]),
    rows.flatMap((r) => r.taskIds),
  );
  return rows.map((r) => toDecision(r, refs));
}

/** The decision with the two ends of its supersede chain. */
export async function toDecisionDetail(db: DbOrTx, row: DecisionRow): Promise<DecisionDetail> {
  const [decision] = await toDecisions(db, row.workspaceId, [row]);
  const linked = await findDecisions(
    db,
    [row.supersedesId, row.supersededById].filter((id): id is string => id !== null),
  );
  const ref = (id: string | null) => {
    const found = linked.find((d) => d.id === id);
    return found ? toDecisionRef(found) : null;
  };
  return { ...decision!, supersedes: ref(row.supersedesId), supersededBy: ref(row.supersededById) };
}

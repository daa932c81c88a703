/**
 * A response body serialised before it reaches the api, sent as it is. The board's task list is
 * built as JSON by PostgreSQL (`taskJson` in tasks/tasks.repository.ts): parsing 23 columns per
 * row into JavaScript values, mapping them to the contract and stringifying them again was most of
 * the api's CPU on the busiest read (`bench:api`: 1.45–1.74 → 1.03–1.08 ms per list of 50). `T` is the
 * contract type the text holds, so a handler still declares what it answers.
 */
export class JsonBody<T> {
  declare readonly contract: T;

  constructor(readonly text: string) {}
}

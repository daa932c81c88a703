// IndexedDB for jsdom tests: fake-indexeddb, which clones values with structuredClone. jsdom's
// window has none, so Node's own (V8's serializer, the algorithm the browser uses) stands in.
import { deserialize, serialize } from 'node:v8';

globalThis.structuredClone ??= ((value: unknown) => deserialize(serialize(value))) as typeof structuredClone;
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('fake-indexeddb/auto');

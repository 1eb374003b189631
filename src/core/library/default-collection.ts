/**
 * The default collection "My requests" has a fixed, well-known id, so that two tabs
 * creating it at the same moment (each saving its first request) write the same key with
 * the same content and end with one collection, not two (one key per record, DESIGN §9).
 */
import { DEFAULT_COLLECTION_ID, DEFAULT_COLLECTION_NAME } from './migrate.ts';
import { orderAtEnd } from './order.ts';
import { makeCollection, type Collection } from './records.ts';

/** The default collection record; `createdAt` in ms since the epoch. */
export function defaultCollection(createdAt: number): Collection {
  return makeCollection(DEFAULT_COLLECTION_ID, DEFAULT_COLLECTION_NAME, createdAt);
}

/**
 * The collection to save into when the user asks for a new one named `name`.
 * An empty name or "My requests" means the default collection: the one with the fixed id,
 * else one already named "My requests" (kept from before ids were fixed), else a new record
 * with the fixed id (order 0). Any other name gets a new collection with `makeId()`, ordered last.
 * @param existing the collections stored now
 * @returns the collection and whether it must be written (`create`)
 */
export function collectionForNewName(
  name: string,
  existing: readonly Collection[],
  now: number,
  makeId: () => string,
): { collection: Collection; create: boolean } {
  const trimmed = name.trim() || DEFAULT_COLLECTION_NAME;
  if (trimmed !== DEFAULT_COLLECTION_NAME)
    return { collection: makeCollection(makeId(), trimmed, now, orderAtEnd(existing)), create: true };
  const found = defaultCollectionIn(existing);
  return found ? { collection: found, create: false } : { collection: defaultCollection(now), create: true };
}

/** The default collection among `collections`: the fixed id first, else the first named "My requests"; `undefined` when none. */
export function defaultCollectionIn(collections: readonly Collection[]): Collection | undefined {
  return (
    collections.find((c) => c.id === DEFAULT_COLLECTION_ID) ??
    collections.find((c) => c.name === DEFAULT_COLLECTION_NAME)
  );
}

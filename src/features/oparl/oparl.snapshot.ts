import { addTo, iso, TYPE_OF_KIND, typeUri, type OparlObject, type OparlUrls } from './oparl.model.js';
import type { PublicData } from './oparl.repository.js';

/** Where the bytes of a File come from. */
export type FileSource =
  | { kind: 'document'; fileId: string; fileName: string; mimeType: string }
  | { kind: 'protocol'; protocolId: string; fileName: string }
  /** A sealed file stored once and never changed, such as a rättelse. */
  | { kind: 'stored'; sha256: string; fileName: string };

/**
 * Everything OParl publishes at one moment, built once from the database and answered from
 * memory: objects by their canonical URL, external lists by their URL (sorted by id, which is
 * stable, as OParl requires), and the sources of the files.
 */
export interface Snapshot {
  objects: Map<string, OparlObject>;
  lists: Map<string, OparlObject[]>;
  files: Map<string, FileSource>;
  /** Serialised answers, so that a repeated request costs a map lookup. */
  answers: Map<string, Buffer>;
}

export class SnapshotBuilder {
  readonly objects = new Map<string, OparlObject>();
  readonly lists = new Map<string, OparlObject[]>();
  readonly files = new Map<string, FileSource>();

  constructor(
    readonly u: OparlUrls,
    readonly data: PublicData,
  ) {}

  /** Register an object under its id (embedded objects too: each is reachable at its own URL). */
  put<T extends OparlObject>(object: T): T {
    this.objects.set(object.id, object);
    return object;
  }

  /** Add an object to an external list (created empty when `object` is undefined). */
  list(url: string, object?: OparlObject): void {
    if (object) addTo(this.lists, url, object);
    else if (!this.lists.has(url)) this.lists.set(url, []);
  }

  finish(): Snapshot {
    for (const list of this.lists.values()) list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { objects: this.objects, lists: this.lists, files: this.files, answers: new Map() };
  }
}

export type Tombstone = PublicData['tombstones'][number];

/**
 * A deleted object as OParl 1.1 ("Gelöschte Objekte") wants it: `id`, `type` and `created`
 * kept, `modified` the time of deletion, `deleted: true`, every other property gone.
 */
export function presentTombstone(u: OparlUrls, tombstone: Tombstone): OparlObject | undefined {
  const type = TYPE_OF_KIND[tombstone.kind];
  if (!type || type === 'System') return undefined;
  return { id: u.of(type)(tombstone.objectId), type: typeUri(type), created: iso(tombstone.createdAt), modified: iso(tombstone.deletedAt), deleted: true };
}

/** Tombstones by parent id (a meeting, a body or a committee), to find the lists they belong in. */
export function tombstonesByParent(data: PublicData): Map<string, Tombstone[]> {
  const out = new Map<string, Tombstone[]>();
  for (const t of data.tombstones) if (t.parentId) addTo(out, t.parentId, t);
  return out;
}

/** The latest deletion among tombstones (a sub-object's deletion changes its main object). */
export function lastDeletion(tombstones: readonly Tombstone[] | undefined): Date | undefined {
  let max: Date | undefined;
  for (const t of tombstones ?? []) if (!max || t.deletedAt > max) max = t.deletedAt;
  return max;
}

import { iso, latest, oparlUrls, SEGMENT, TYPE_OF_KIND, typeUri, type BodyList } from './oparl.model.js';
import { indexMeetings, presentMeetings } from './oparl.meetings.js';
import { presentOrganisations } from './oparl.organisations.js';
import { indexPapers, presentDocumentFiles, presentPapers } from './oparl.papers.js';
import type { PublicData } from './oparl.repository.js';
import { presentTombstone, SnapshotBuilder, tombstonesByParent, type Snapshot } from './oparl.snapshot.js';

/** Kansli's OParl System object. */
function presentSystem(b: SnapshotBuilder): void {
  const { u, data } = b;
  const committees = data.organisationRows.filter((o) => o.kind === 'committee');
  const first = committees.reduce<Date | undefined>((min, c) => (!min || c.createdAt < min ? c.createdAt : min), undefined) ?? new Date(0);
  b.put({
    id: u.system,
    type: typeUri('System'),
    oparlVersion: 'https://schema.oparl.org/1.1/',
    body: u.bodies,
    name: 'Kansli',
    website: u.site,
    created: iso(first),
    modified: iso(latest(first, ...committees.map((c) => c.updatedAt))),
  });
}

/**
 * Tombstones of main objects (Meeting, Paper, File, Person, Organization …) whose parent is the
 * committee itself; those of agenda items and memberships are placed by their meeting or organ.
 */
function presentOtherTombstones(b: SnapshotBuilder): void {
  const committees = new Set(b.data.organisationRows.filter((o) => o.kind === 'committee').map((o) => o.id));
  const lists: Record<string, BodyList | undefined> = { meeting: 'meeting', paper: 'paper', file: 'file', person: 'person', organization: 'organization', location: 'location', consultation: 'consultation' };
  for (const t of b.data.tombstones) {
    const list = lists[t.kind];
    const tombstone = presentTombstone(b.u, t);
    if (!list || !tombstone || !t.parentId || !committees.has(t.parentId) || b.objects.has(tombstone.id)) continue;
    b.list(b.u.bodyList(t.parentId, list), b.put(tombstone));
  }
  // A deleted agenda item or membership whose meeting or organ is no longer published is still reachable by id.
  for (const t of b.data.tombstones) {
    const type = TYPE_OF_KIND[t.kind];
    const tombstone = presentTombstone(b.u, t);
    if (type && SEGMENT[type] && tombstone && !b.objects.has(tombstone.id)) b.put(tombstone);
  }
}

/** Every OParl object and list under `base` (…/oparl/v1), from the public rows. */
export function buildSnapshot(data: PublicData, base: string): Snapshot {
  const b = new SnapshotBuilder(oparlUrls(base), data);
  const deletions = tombstonesByParent(data);
  presentSystem(b);
  const org = presentOrganisations(b, deletions);
  const mi = indexMeetings(data, org);
  const papers = indexPapers(data, mi);
  const filesByDocument = presentDocumentFiles(b, mi, papers);
  presentMeetings(b, { mi, org, filesByDocument, papers, deletions });
  presentPapers(b, mi, papers, filesByDocument);
  presentOtherTombstones(b);
  return b.finish();
}

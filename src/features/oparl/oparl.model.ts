/**
 * OParl 1.1 (https://oparl.org/spezifikation/): the object types, their canonical URLs under
 * `/oparl/v1`, and small helpers shared by the presenters. Every object carries `created` and
 * `modified` (mandatory for all objects in 1.1), written as UTC instants (`…Z`), so that two of
 * them compare correctly as strings.
 */

export const OPARL_VERSION = 'https://schema.oparl.org/1.1/';
/** Vendor prefix for Kansli's own properties, as OParl allows ("kansli:votes"). */
export const VENDOR = 'kansli';

export type OparlType =
  | 'System'
  | 'Body'
  | 'Organization'
  | 'Person'
  | 'Membership'
  | 'Meeting'
  | 'AgendaItem'
  | 'Paper'
  | 'Consultation'
  | 'File'
  | 'Location'
  | 'LegislativeTerm';

export interface OparlObject {
  id: string;
  type: string;
  created: string;
  modified: string;
  deleted?: boolean;
  [property: string]: unknown;
}

export const typeUri = (type: OparlType): string => `${OPARL_VERSION}${type}`;

/**
 * `kansli:origin` on a record of the demo committee (issue 20): 'seed' for a record taken from the
 * seed protocol (whose time and place, for a meeting, the demo invented), 'demo' for an invented
 * one. Records that users enter carry none.
 */
export const originProperty = (origin: string | null): Record<string, string | undefined> => ({ [`${VENDOR}:origin`]: origin ?? undefined });

/** The path segment of each type: `/oparl/v1/<segment>/<key>`. */
export const SEGMENT: Record<OparlType, string> = {
  System: 'system',
  Body: 'body',
  Organization: 'organization',
  Person: 'person',
  Membership: 'membership',
  Meeting: 'meeting',
  AgendaItem: 'agendaitem',
  Paper: 'paper',
  Consultation: 'consultation',
  File: 'file',
  Location: 'location',
  LegislativeTerm: 'legislativeterm',
};

/** The type of a tombstone's `kind` (deleted_objects.kind is the type name in lower case). */
export const TYPE_OF_KIND: Record<string, OparlType | undefined> = Object.fromEntries(
  (Object.keys(SEGMENT) as OparlType[]).map((t) => [t.toLowerCase(), t]),
);

/** The external lists of a Body, by path segment after `/body/<id>/`. */
export const BODY_LISTS = ['organization', 'person', 'meeting', 'paper', 'agendaitem', 'consultation', 'file', 'location', 'legislativeterm', 'membership'] as const;
export type BodyList = (typeof BODY_LISTS)[number];

/** Canonical URLs under one base (e.g. `https://kansli.example.se/oparl/v1`). */
export function oparlUrls(base: string) {
  const of = (type: OparlType) => (key: string) => `${base}/${SEGMENT[type]}/${key}`;
  return {
    base,
    /** The site the API belongs to, for `web` links to the public pages. */
    site: base.replace(/\/oparl\/v1$/, ''),
    system: `${base}/system`,
    bodies: `${base}/body`,
    body: of('Body'),
    bodyList: (bodyKey: string, list: BodyList) => `${base}/body/${bodyKey}/${list}`,
    organization: of('Organization'),
    organizationMeetings: (key: string) => `${base}/organization/${key}/meeting`,
    person: of('Person'),
    membership: of('Membership'),
    meeting: of('Meeting'),
    agendaItem: of('AgendaItem'),
    paper: of('Paper'),
    consultation: of('Consultation'),
    file: of('File'),
    fileAccess: (key: string) => `${base}/file/${key}/access`,
    fileDownload: (key: string) => `${base}/file/${key}/download`,
    location: of('Location'),
    legislativeTerm: of('LegislativeTerm'),
    of,
  };
}
export type OparlUrls = ReturnType<typeof oparlUrls>;

export const iso = (d: Date): string => d.toISOString();

/** The latest of some instants (null and undefined skipped). */
export function latest(first: Date, ...rest: (Date | null | undefined)[]): Date {
  let max = first;
  for (const d of rest) if (d && d.getTime() > max.getTime()) max = d;
  return max;
}

/** Drop undefined properties, so that optional OParl properties are left out rather than null. */
export function compact<T extends Record<string, unknown>>(object: T): T {
  for (const key of Object.keys(object)) if (object[key] === undefined) delete object[key];
  return object;
}

/** Push into a map of lists. */
export function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

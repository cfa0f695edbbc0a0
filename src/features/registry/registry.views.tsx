import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../platform/views/context.js';
import type { FormState } from '../../platform/views/forms.js';
import { swedishDate } from '../../platform/clock.js';
import type { PresentedDocument } from './secrecy.js';
import type { RegistryService } from './registry.service.js';

/** What the new-case form offers: the organisations, the classification codes and the case officers. */
export interface NewCaseOptions {
  organisations: { slug: string; name: string }[];
  selected: { slug: string; name: string };
  codes: ClassificationCodeRow[];
  people: { id: string; name: string }[];
}

/** A document as its page shows it. */
export type DocumentDetail = Awaited<ReturnType<RegistryService['getDocument']>>;
import { formatNumber } from '../../platform/time-format.js';
import { DataTable } from '../../platform/views/data-table.js';
import { ExampleMark } from '../../platform/views/example-data.js';
import type { Column } from '../../platform/views/list-table.js';
import type { ClassificationCodeRow } from './registry.tables.js';

/** Shared pieces of the registry pages: labels, the secrecy badge, file lists. */

/** Inline until the shared app.css has classes for them: reference numbers on one line, legends like labels. */
const NOWRAP = 'white-space: nowrap';
/** A link to a case or document by its number, kept on one line. */
export function RefLink({ href, children }: { href: string; children: string }) {
  return (
    <a href={href} style={NOWRAP}>
      {children}
    </a>
  );
}

/** Text kept on one line (a date in a narrow column). */
export const NoWrap = ({ children }: { children: string }) => <span style={NOWRAP}>{children}</span>;

const LEGEND = 'font-weight: 600; padding: 0; margin-bottom: .25rem';
const RADIO = 'width: 1.25rem; height: 1.25rem; margin: .15rem 0 0; flex: none';

export const directionLabel = (ctx: ViewContext, direction: PresentedDocument['direction']) => ctx.t(`registry.direction.${direction}`);

/** The secrecy state in words (never colour alone). */
export function SecrecyBadge({ ctx, secrecy }: { ctx: ViewContext; secrecy: PresentedDocument['secrecy'] }) {
  return <span class="badge">{ctx.t(`registry.secrecy.${secrecy}`)}</span>;
}

/** What a registry list shows as a document's description; a secret entry names its provision. */
export function entryText(ctx: ViewContext, doc: PresentedDocument): string {
  if (doc.secrecy !== 'secret' || doc.access === 'full') return doc.description;
  return `${doc.description}. ${ctx.t('registry.doc.secretUnder', { provision: doc.secrecyProvision ?? '' })}`;
}

/**
 * The columns every list of registry entries shares: the handling id (its row's header, linked to
 * `href`), the date, the direction and the description with the demo mark.
 */
export function entryColumns<T extends PresentedDocument>(ctx: ViewContext, href: (doc: T) => string) {
  const t = ctx.t;
  return {
    hid: { key: 'hid', label: t('registry.doc.hid'), rowHeader: true, text: (d) => d.handlingId, render: (d) => <RefLink href={href(d)}>{d.handlingId}</RefLink> } satisfies Column<T>,
    date: { key: 'date', label: t('registry.doc.date'), text: (d) => d.documentDate, render: (d) => <NoWrap>{d.documentDate}</NoWrap> } satisfies Column<T>,
    direction: { key: 'direction', label: t('registry.doc.direction'), text: (d) => directionLabel(ctx, d.direction) } satisfies Column<T>,
    description: {
      key: 'description',
      label: t('registry.doc.description'),
      text: (d) => entryText(ctx, d),
      render: (d) => (
        <>
          {entryText(ctx, d)}
          <ExampleMark ctx={ctx} origin={d.origin} />
        </>
      ),
    } satisfies Column<T>,
  };
}

export function formatSize(bytes: number, ctx: ViewContext): string {
  const nf = (n: number) => formatNumber(n, ctx.locale);
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${nf(bytes / 1024)} kB`;
  return `${nf(bytes / (1024 * 1024))} MB`;
}

export const megabytes = (bytes: number) => Math.floor((bytes / (1024 * 1024)) * 10) / 10;

/**
 * A registry is read newest first: when the reader has not chosen a sort, sort by `key`
 * descending. Links in the list then carry the sort explicitly, so that clicking the column
 * turns it ascending.
 */
export function newestFirst(ctx: ViewContext, key: string): ViewContext {
  return ctx.query.sort ? ctx : { ...ctx, query: { ...ctx.query, sort: key, dir: 'desc' } };
}

/** The file versions of a document, each with a download link. */
export function FileTable({ ctx, files }: { ctx: ViewContext; files: PresentedDocument['files'] }) {
  const { t } = ctx;
  if (files.length === 0) return <p>{t('registry.doc.noFiles')}</p>;
  return (
    <DataTable caption={t('registry.doc.files')} hideCaption columns={[t('registry.doc.filename'), { label: t('registry.doc.version'), numeric: true }, { label: t('registry.doc.size'), numeric: true }, t('registry.doc.uploaded')]} scroll>
      {[...files].reverse().map((f) => (
        <tr>
          <th scope="row">
            <a href={`/filer/${f.id}`}>
              {f.filename}
            </a>
          </th>
          <td class="num">{f.version}</td>
          <td class="num">{formatSize(f.size, ctx)}</td>
          <td>{swedishDate(new Date(f.createdAt))}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** Links to each file of a document, newest version first, for a cell of a list. */
export function FileLinks({ files }: { files: PresentedDocument['files'] }) {
  const latest = new Map<string, PresentedDocument['files'][number]>();
  for (const f of files) latest.set(f.filename, f);
  return (
    <>
      {[...latest.values()].map((f, i) => (
        <>
          {i > 0 && <br />}
          <a href={`/filer/${f.id}`}>{f.filename}</a>
        </>
      ))}
    </>
  );
}

/** A group of radio buttons with a legend, a hint per option and the field's error. */
export function RadioGroup(props: { ctx: ViewContext; state: FormState; name: string; legend: string; options: { value: string; label: string; hint?: string }[] }) {
  const { ctx, state, name } = props;
  const error = state.errors.find((e) => e.field === name)?.message[ctx.locale];
  const current = state.values[name] ?? '';
  return (
    <fieldset class={error ? 'field field--error' : 'field'} id={`f-${name}`} aria-describedby={error ? `e-${name}` : undefined} style="border: 0; padding: 0; min-width: 0">
      <legend style={LEGEND}>{props.legend}</legend>
      {error && (
        <p class="field-error" id={`e-${name}`}>
          {error}
        </p>
      )}
      {props.options.map((o) => (
        <div class="field--checkbox" style="align-items: flex-start; margin-bottom: .35rem">
          <input type="radio" style={RADIO} id={`f-${name}-${o.value}`} name={name} value={o.value} checked={o.value === current} aria-describedby={o.hint ? `h-${name}-${o.value}` : undefined} />
          <label for={`f-${name}-${o.value}`}>
            {o.label}
            {o.hint && (
              <span class="hint" id={`h-${name}-${o.value}`}>
                {' '}
                – {o.hint}
              </span>
            )}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** A file input with label, hint and error, like the other fields. */
export function FileField(props: { ctx: ViewContext; state: FormState; name: string; label: string; hint: string; accept: string; required?: boolean }) {
  const { ctx, state, name } = props;
  const error = state.errors.find((e) => e.field === name)?.message[ctx.locale];
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={`f-${name}`}>
        {props.label}
        {props.required && <span class="req"> ({ctx.t('common.required')})</span>}
      </label>
      <p class="hint" id={`h-${name}`}>
        {props.hint}
      </p>
      {error && (
        <p class="field-error" id={`e-${name}`}>
          {error}
        </p>
      )}
      <input type="file" id={`f-${name}`} name={name} accept={props.accept} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `h-${name} e-${name}` : `h-${name}`} />
    </div>
  );
}

/** A group of fields under a heading of its own (a bordered fieldset). */
export function FieldGroup(props: { legend: string; hint: string; id: string; children: ComponentChildren }) {
  return (
    <fieldset class="field" aria-describedby={`h-${props.id}`} style="min-width: 0">
      <legend style={LEGEND}>{props.legend}</legend>
      <p class="hint" id={`h-${props.id}`}>
        {props.hint}
      </p>
      {props.children}
    </fieldset>
  );
}

/** A definition list row that is left out when there is nothing to show. */
export function Fact({ term, children }: { term: string; children: ComponentChildren }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

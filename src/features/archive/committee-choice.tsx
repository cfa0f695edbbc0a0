/**
 * Which committee an archive or data-protection page acts for. Each committee of an installation
 * has its own archive and processing register: the page names it by `?namnd=<slug>`, or, without
 * it, the only committee where the user holds the page's role. A user with that role in several
 * committees chooses on a page that lists them; every link and form then keeps `?namnd=`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/database.js';
import type { ViewContext } from '../../platform/views/context.js';
import { Layout, withQuery } from '../../platform/views/layout.js';
import type { ScopedAction } from '../../platform/auth/policy.js';
import { chooseCommittee } from './archive-scope.js';
import type { OrganisationRow } from '../organisation/organisation.tables.js';

/** The `?namnd=` of the request, if any. */
export function committeeParam(request: FastifyRequest): string | undefined {
  const raw = (request.query as Record<string, unknown> | undefined)?.namnd;
  return typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : undefined;
}

/** A path within a committee: `/arkiv/gallring?namnd=e-namnden`. */
export function inCommittee(path: string, committee: Pick<OrganisationRow, 'slug'>, query: Record<string, string> = {}): string {
  return withQuery(path, query, { namnd: committee.slug });
}

/** A page title naming the committee: "Gallring – Norrbottens e-nämnd". */
export function committeeTitle(ctx: ViewContext, title: string, committee: Pick<OrganisationRow, 'name'>): string {
  return ctx.t('archive.inCommittee', { title, committee: committee.name });
}

/** The page's view context with `?namnd=` in its query, so that sort links and search forms keep the committee. */
export function committeeContext(request: FastifyRequest, committee: Pick<OrganisationRow, 'slug'>): ViewContext {
  const ctx = request.viewContext();
  return { ...ctx, query: { ...ctx.query, namnd: committee.slug } };
}

export function ChooseCommitteePage({ ctx, committees, path }: { ctx: ViewContext; committees: OrganisationRow[]; path: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('archive.choose.title')} back={{ href: '/', label: t('app.name') }}>
      <p>{t('archive.choose.lead')}</p>
      <ul class="link-list">
        {committees.map((c) => (
          <li>
            <a href={inCommittee(path, c)}>{c.name}</a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

/**
 * The committee the request acts for (an unknown `?namnd=` is 404; roles only in municipalities
 * are refused). When the user must choose, the choice page is sent — its links lead to `listPath`,
 * the page itself for a GET — and undefined is returned: the handler then returns the reply.
 */
export async function committeeFor(
  request: FastifyRequest,
  reply: FastifyReply,
  db: Db,
  action: ScopedAction,
  listPath: string = request.url.split('?')[0] ?? '/',
): Promise<OrganisationRow | undefined> {
  const choice = await chooseCommittee(db, request.principal, action, committeeParam(request));
  if ('committee' in choice) return choice.committee;
  // A form sent without its committee (several to choose from) changes nothing: the user chooses first.
  reply.code(request.method === 'GET' ? 200 : 400).header('cache-control', 'private, no-store');
  reply.page(<ChooseCommitteePage ctx={request.viewContext()} committees={choice.choose} path={listPath} />);
  return undefined;
}

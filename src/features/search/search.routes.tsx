import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { handleForm } from '../../platform/http/forms.js';
import { emptyForm } from '../../platform/views/forms.js';
import { MAX_CANDIDATES, type TSearchResult } from './search.schema.js';
import { PAGE_SIZE, SearchPage } from './search.pages.js';

const FIELDS = ['q', 'year', 'kind', 'classificationCode', 'bodyId'] as const;

/** `/sok`: anyone may search; the service decides what each reader can find. */
export function registerSearchRoutes(app: FastifyInstance, services: Services): void {
  const { search } = services;

  app.get('/sok', { config: { action: 'public' } }, async (request, reply) => {
    const ctx = request.viewContext();
    const values: Record<string, string> = {};
    for (const field of FIELDS) if (ctx.query[field]) values[field] = ctx.query[field] ?? '';
    const { bodies } = await search.filterOptions(request.principal);
    if (!values.q?.trim()) return reply.page(<SearchPage ctx={ctx} state={emptyForm(values)} bodies={bodies} />);

    const lastPage = Math.ceil(MAX_CANDIDATES / PAGE_SIZE);
    const page = Math.min(Math.max(1, Number.parseInt(ctx.query.page ?? '1', 10) || 1), lastPage);
    let result: TSearchResult | undefined;
    const ok = await handleForm(
      reply,
      values,
      async () => {
        result = await search.search(request.principal, { ...values, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
      },
      (state) => <SearchPage ctx={ctx} state={state} bodies={bodies} />,
    );
    if (!ok) return reply;
    return reply.page(<SearchPage ctx={ctx} state={emptyForm(values)} bodies={bodies} result={result} page={page} />);
  });
}

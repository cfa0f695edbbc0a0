import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { setFlash } from '../../platform/http/app.js';
import { formBody, handleForm } from '../../platform/http/forms.js';
import { emptyForm } from '../../platform/views/forms.js';
import { forbidden } from '../../platform/errors.js';
import { idParam } from './registry.http.js';
import { EditCasePage, EditDocumentPage } from './registry-edit.pages.js';
import type { CaseDetail } from './case.pages.js';

const collator = new Intl.Collator('sv');

/** Correcting a case's and a document's details while the case is open (the service refuses a closed one). */
export function registerRegistryEditRoutes(app: FastifyInstance, services: Services): void {
  const { registry, registryEdit, organisation } = services;
  const write = { config: { action: 'registry.write' as const } };

  async function caseForm(request: FastifyRequest, detail: CaseDetail) {
    const slug = detail.organisation?.slug ?? '';
    const [codes, people] = await Promise.all([registry.listCodes(request.principal, slug), organisation.listPeople(request.principal)]);
    return { codes, people: people.people.map((p) => ({ id: p.id, name: p.name })).sort((a, b) => collator.compare(a.name, b.name)) };
  }
  const caseInfo = (d: CaseDetail) => ({ id: d.case.id, caseNumber: d.caseNumber, title: d.case.title });
  const saved = (request: FastifyRequest, count: number) => request.viewContext().t(count > 0 ? 'registry.edit.saved' : 'registry.edit.nothing');

  app.get('/arenden/:id/andra', write, async (request, reply) => {
    const detail = await registry.getCase(request.principal, idParam(request));
    if (!detail.canWrite) throw forbidden();
    const c = detail.case;
    const state = emptyForm({ title: c.title, classificationCode: c.classificationCode, responsiblePersonId: c.responsiblePersonId ?? '' });
    return reply.page(<EditCasePage ctx={request.viewContext()} state={state} caseInfo={caseInfo(detail)} options={await caseForm(request, detail)} />);
  });

  app.post('/arenden/:id/andra', write, async (request, reply) => {
    const id = idParam(request);
    const detail = await registry.getCase(request.principal, id);
    const values = formBody(request);
    const changed = { count: 0 };
    const options = await caseForm(request, detail);
    const ok = await handleForm(
      reply,
      values,
      async () => {
        changed.count = (await registryEdit.editCase(request.principal, id, values)).length;
      },
      (state) => <EditCasePage ctx={request.viewContext()} state={state} caseInfo={caseInfo(detail)} options={options} />,
    );
    if (!ok) return reply;
    setFlash(reply, request, services, saved(request, changed.count));
    return reply.redirect(`/arenden/${id}`);
  });

  app.get('/handlingar/:id/andra', write, async (request, reply) => {
    const detail = await registry.getDocument(request.principal, idParam(request));
    if (!detail.editValues) throw forbidden();
    return reply.page(<EditDocumentPage ctx={request.viewContext()} state={emptyForm(detail.editValues)} detail={detail} />);
  });

  app.post('/handlingar/:id/andra', write, async (request, reply) => {
    const id = idParam(request);
    const detail = await registry.getDocument(request.principal, id);
    const values = formBody(request);
    const changed = { count: 0 };
    const ok = await handleForm(
      reply,
      values,
      async () => {
        changed.count = (await registryEdit.editDocument(request.principal, id, values)).length;
      },
      (state) => <EditDocumentPage ctx={request.viewContext()} state={state} detail={detail} />,
    );
    if (!ok) return reply;
    setFlash(reply, request, services, saved(request, changed.count));
    return reply.redirect(`/handlingar/${id}`);
  });
}

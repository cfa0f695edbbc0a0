import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { setFlash } from '../../platform/http/app.js';
import { formBody, handleForm, handleUploadForm, uploadedOrPastedCsv } from '../../platform/http/forms.js';
import { emptyForm } from '../../platform/views/forms.js';
import { DomainError, forbidden, notFound, type UserMessage } from '../../platform/errors.js';
import { formatHandlingId } from '../../domain/case-number.js';
import { can, holdsRoleAnywhere } from '../../platform/auth/policy.js';
import { administeredScopeOf } from '../organisation/scope.js';
import { CaseListPage, CasePage, CloseCasePage, NewCasePage, type CaseDetail, type NewCaseOptions } from './case.pages.js';
import { DocumentPage, NewDocumentPage, newDocumentDefaults } from './document.pages.js';
import { ClassificationPage } from './classification.pages.js';
import { registryMessages } from './registry.messages.js';
import { attachmentHeader, fileError, idParam, onFileField, readForm, slugParam } from './registry.http.js';
import { registerPublicRegistryRoutes } from './public-registry.routes.js';
import { registerRegistryEditRoutes } from './registry-edit.routes.js';
import type { CaseRow, DocumentRow } from './registry.tables.js';

const collator = new Intl.Collator('sv');
const caseInfo = (d: CaseDetail) => ({ id: d.case.id, caseNumber: d.caseNumber, title: d.case.title });

const csvMessages = { notUtf8: registryMessages['registry.scheme.notUtf8'], noInput: registryMessages['registry.scheme.noInput'] };

/** A CSV row's field errors name no form field: show them as messages about the file. */
async function asFormMessages<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof DomainError) || error.fieldErrors.length === 0) throw error;
    throw new DomainError(error.code, { userMessage: error.userMessage, fieldErrors: error.fieldErrors.map((f) => ({ field: '_', message: f.message })) });
  }
}

export function registerRegistryRoutes(app: FastifyInstance, services: Services): void {
  const { registry, organisation } = services;
  const { maxFileBytes } = services.config;
  const read = { config: { action: 'registry.read' as const } };
  const write = { config: { action: 'registry.write' as const } };
  const manage = { config: { action: 'registry.manageScheme' as const } };

  app.get('/arenden', read, async (request, reply) => {
    const cases = await registry.listCases(request.principal);
    const committees = (await organisation.listAll(request.principal)).filter((o) => o.kind === 'committee');
    const schemes = committees.map((o) => ({ slug: o.slug, name: o.name }));
    return reply.page(<CaseListPage ctx={request.viewContext()} cases={cases} canWrite={cases.some((c) => c.canWrite) || holdsRoleAnywhere(request.principal, 'registry.write')} schemes={schemes} />);
  });

  /** The organisations this user may register cases in (committees first), and the chosen one's codes. */
  async function newCaseOptions(request: FastifyRequest, slug: string | undefined): Promise<NewCaseOptions> {
    const { principal } = request;
    const writable = (await organisation.listAll(principal))
      .filter((o) => can(principal, 'registry.write', administeredScopeOf(o)))
      .sort((a, b) => (a.kind === b.kind ? collator.compare(a.name, b.name) : a.kind === 'committee' ? -1 : 1));
    const selected = writable.find((o) => o.slug === slug) ?? writable[0];
    if (!selected) throw forbidden();
    const [codes, people] = await Promise.all([registry.listCodes(principal, selected.slug), organisation.listPeople(principal)]);
    return {
      organisations: writable.map((o) => ({ slug: o.slug, name: o.name })),
      selected: { slug: selected.slug, name: selected.name },
      codes,
      people: people.people.map((p) => ({ id: p.id, name: p.name })).sort((a, b) => collator.compare(a.name, b.name)),
    };
  }

  app.get('/arenden/nytt', write, async (request, reply) => {
    const slug = (request.query as Record<string, string | undefined>).organisation;
    return reply.page(<NewCasePage ctx={request.viewContext()} state={emptyForm()} options={await newCaseOptions(request, slug)} />);
  });

  app.post('/arenden/nytt', write, async (request, reply) => {
    const values = formBody(request);
    const options = await newCaseOptions(request, values.organisation);
    const created: { row?: CaseRow } = {};
    const ok = await handleForm(
      reply,
      values,
      async () => {
        created.row = await registry.createCase(request.principal, values.organisation ?? '', values);
      },
      (state) => <NewCasePage ctx={request.viewContext()} state={state} options={options} />,
    );
    if (!ok || !created.row) return reply;
    setFlash(reply, request, services, request.viewContext().t('registry.case.created', { number: registry.caseNumberOf(created.row) }));
    return reply.redirect(`/arenden/${created.row.id}`);
  });

  app.get('/arenden/:id', read, async (request, reply) => {
    const detail = await registry.getCase(request.principal, idParam(request));
    const personId = detail.case.responsiblePersonId;
    const responsible = personId ? (await organisation.personDetail(request.principal, personId)).person.name : undefined;
    const codes = detail.organisation ? await registry.listCodes(request.principal, detail.organisation.slug) : [];
    const codeTitle = codes.find((c) => c.code === detail.case.classificationCode)?.title;
    return reply.page(<CasePage ctx={request.viewContext()} detail={detail} responsible={responsible} codeTitle={codeTitle} />);
  });

  app.get('/arenden/:id/avsluta', write, async (request, reply) => {
    const detail = await registry.getCase(request.principal, idParam(request));
    if (!detail.canWrite) throw forbidden();
    return reply.page(<CloseCasePage ctx={request.viewContext()} detail={detail} />);
  });

  for (const [path, status, message] of [
    ['avsluta', 'closed', 'registry.case.closed'],
    ['ateroppna', 'open', 'registry.case.reopened'],
  ] as const) {
    app.post(`/arenden/:id/${path}`, write, async (request, reply) => {
      const id = idParam(request);
      await registry.setCaseStatus(request.principal, id, status);
      setFlash(reply, request, services, request.viewContext().t(message));
      return reply.redirect(`/arenden/${id}`);
    });
  }

  app.get('/arenden/:id/ny-handling', write, async (request, reply) => {
    const detail = await registry.getCase(request.principal, idParam(request));
    if (!detail.canWrite) throw forbidden();
    const ctx = request.viewContext();
    return reply.page(<NewDocumentPage ctx={ctx} caseInfo={caseInfo(detail)} state={emptyForm(newDocumentDefaults(ctx.today))} maxFileBytes={maxFileBytes} />);
  });

  app.post('/arenden/:id/ny-handling', write, async (request, reply) => {
    const id = idParam(request);
    const detail = await registry.getCase(request.principal, id);
    if (!detail.canWrite) throw forbidden();
    const ctx = request.viewContext();
    const saved: { doc?: DocumentRow & { textNotice?: UserMessage } } = {};
    const ok = await handleUploadForm(
      reply,
      newDocumentDefaults(ctx.today),
      () => readForm(request, maxFileBytes),
      async (form) => {
        saved.doc = await onFileField(() => registry.registerDocument(request.principal, { ...form.fields, caseId: id }, form.file));
      },
      (state) => <NewDocumentPage ctx={ctx} caseInfo={caseInfo(detail)} state={state} maxFileBytes={maxFileBytes} />,
    );
    if (!ok || !saved.doc) return reply;
    const notice = saved.doc.textNotice;
    setFlash(reply, request, services, [ctx.t('registry.doc.registered', { hid: formatHandlingId(saved.doc) }), notice?.[ctx.locale]].filter(Boolean).join(' '));
    return reply.redirect(`/arenden/${id}`);
  });

  app.get('/handlingar/:id', read, async (request, reply) => {
    const detail = await registry.getDocument(request.principal, idParam(request));
    return reply.page(<DocumentPage ctx={request.viewContext()} detail={detail} versionState={emptyForm()} maxFileBytes={maxFileBytes} />);
  });

  app.post('/handlingar/:id/ny-version', write, async (request, reply) => {
    const id = idParam(request);
    const detail = await registry.getDocument(request.principal, id);
    if (!detail.canWrite) throw forbidden();
    const added: { version?: number; textNotice?: UserMessage | undefined } = {};
    const ok = await handleForm(
      reply,
      {},
      async () => {
        const { file } = await readForm(request, maxFileBytes);
        if (!file) throw fileError(registryMessages['registry.doc.noFileChosen']);
        const row = await onFileField(() => registry.addFileVersion(request.principal, id, file));
        added.version = row.version;
        added.textNotice = row.textNotice;
      },
      (state) => <DocumentPage ctx={request.viewContext()} detail={detail} versionState={state} maxFileBytes={maxFileBytes} />,
    );
    if (!ok) return reply;
    const ctx = request.viewContext();
    setFlash(reply, request, services, [ctx.t('registry.doc.versionAdded', { version: added.version ?? '' }), added.textNotice?.[ctx.locale]].filter(Boolean).join(' '));
    return reply.redirect(`/handlingar/${id}`);
  });

  // Public: the service decides (a public document's file for anyone, others only for those who may read them).
  app.get('/filer/:id', { config: { action: 'public' } }, async (request, reply) => {
    const { file, bytes, secrecy } = await registry.getFile(request.principal, idParam(request));
    return reply
      .header('content-type', file.mimeType)
      .header('content-disposition', attachmentHeader(file.filename))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', secrecy === 'public' ? 'no-cache' : 'private, no-store')
      .send(bytes);
  });

  async function schemeOwner(request: FastifyRequest, slug: string) {
    const org = (await organisation.listAll(request.principal)).find((o) => o.slug === slug);
    if (!org) throw notFound({ sv: 'Organisationen finns inte.', en: 'The organisation does not exist.' });
    return { slug: org.slug, name: org.name, canManage: can(request.principal, 'registry.manageScheme', administeredScopeOf(org)) };
  }

  app.get('/klassificering/:slug', read, async (request, reply) => {
    const owner = await schemeOwner(request, slugParam(request));
    const codes = await registry.listCodes(request.principal, owner.slug);
    return reply.page(<ClassificationPage ctx={request.viewContext()} organisation={owner} codes={codes} canManage={owner.canManage} state={emptyForm()} />);
  });

  app.post('/klassificering/:slug/import', manage, async (request, reply) => {
    const owner = await schemeOwner(request, slugParam(request));
    const codes = await registry.listCodes(request.principal, owner.slug);
    const imported = { count: 0 };
    const ok = await handleUploadForm(
      reply,
      {},
      () => readForm(request, maxFileBytes),
      async (form) => {
        const csv = uploadedOrPastedCsv(form, csvMessages);
        imported.count = await asFormMessages(() => registry.importCodes(request.principal, owner.slug, csv));
      },
      (state) => <ClassificationPage ctx={request.viewContext()} organisation={owner} codes={codes} canManage={owner.canManage} state={state} />,
    );
    if (!ok) return reply;
    setFlash(reply, request, services, request.viewContext().t('registry.scheme.imported', { count: imported.count }));
    return reply.redirect(`/klassificering/${owner.slug}`);
  });

  registerPublicRegistryRoutes(app, services);
  registerRegistryEditRoutes(app, services);
}

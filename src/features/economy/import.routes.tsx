import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { setFlash } from '../../platform/http/app.js';
import { formBody, handleForm, handleUploadForm } from '../../platform/http/forms.js';
import { idParam } from '../../platform/http/params.js';
import { emptyForm } from '../../platform/views/forms.js';
import { can } from '../../platform/auth/policy.js';
import { fileError, readForm } from '../registry/registry.http.js';
import { importMessages } from './import.messages.js';
import { ImportDetailPage, ImportListPage, PreviewPage, RemoveImportPage, UploadPage } from './import.pages.js';
import { readMappingChoices } from './import.schema.js';

const UPLOAD = '/ekonomi/utfall/importera';

/** The request's fields that name the stored file, its year and period. */
function importRequest(values: Record<string, string | undefined>) {
  return { sha256: values.sha256 ?? '', fileName: values.fileName ?? '', year: values.year ?? '', periodTo: values.periodTo ?? '' };
}

export function registerImportRoutes(app: FastifyInstance, services: Services): void {
  const { outcomeImport } = services;
  const { maxFileBytes } = services.config;
  const read = { config: { action: 'economy.read' as const } };
  const manage = { config: { action: 'economy.manage' as const } };

  app.get('/ekonomi/utfall', read, async (request, reply) => {
    const committee = await outcomeImport.committeeFor(request.principal, 'economy.read');
    const imports = await outcomeImport.list(request.principal, committee);
    return reply.page(<ImportListPage ctx={request.viewContext()} committee={committee.name} imports={imports} canManage={can(request.principal, 'economy.manage', [committee.id])} />);
  });

  app.get(UPLOAD, manage, async (request, reply) => {
    await outcomeImport.committeeFor(request.principal, 'economy.manage');
    const ctx = request.viewContext();
    return reply.page(<UploadPage ctx={ctx} state={emptyForm({ year: ctx.today.slice(0, 4) })} maxFileBytes={maxFileBytes} />);
  });

  app.post(UPLOAD, manage, async (request, reply) => {
    const committee = await outcomeImport.committeeFor(request.principal, 'economy.manage');
    const ctx = request.viewContext();
    const stored: { location?: string } = {};
    const ok = await handleUploadForm(
      reply,
      { year: ctx.today.slice(0, 4) },
      () => readForm(request, maxFileBytes),
      async (form) => {
        if (!form.file) throw fileError(importMessages['outcomeImport.noFile']);
        const upload = await outcomeImport.storeUpload(request.principal, committee, { fields: form.fields, bytes: form.file.bytes });
        const query = new URLSearchParams({ sha256: upload.sha256, fileName: form.file.filename, year: String(upload.year), periodTo: upload.periodTo ?? '' });
        stored.location = `${UPLOAD}/granska?${query.toString()}`;
      },
      (state) => <UploadPage ctx={ctx} state={state} maxFileBytes={maxFileBytes} />,
    );
    if (!ok || !stored.location) return reply;
    return reply.redirect(stored.location);
  });

  async function showPreview(request: FastifyRequest, values: Record<string, string | undefined>) {
    const committee = await outcomeImport.committeeFor(request.principal, 'economy.manage');
    const choices = readMappingChoices(values);
    const preview = await outcomeImport.preview(request.principal, committee, importRequest(values), choices);
    return { committee, choices, preview };
  }

  app.get(`${UPLOAD}/granska`, manage, async (request, reply) => {
    const { preview, choices } = await showPreview(request, request.query as Record<string, string | undefined>);
    return reply.page(<PreviewPage ctx={request.viewContext()} preview={preview} choices={choices} state={emptyForm()} />);
  });

  app.post(`${UPLOAD}/granska`, manage, async (request, reply) => {
    const { preview, choices } = await showPreview(request, formBody(request));
    return reply.page(<PreviewPage ctx={request.viewContext()} preview={preview} choices={choices} state={emptyForm()} />);
  });

  app.post(`${UPLOAD}/bekrafta`, manage, async (request, reply) => {
    const values = formBody(request);
    const { committee, preview, choices } = await showPreview(request, values);
    const saved: { id?: string } = {};
    const ok = await handleForm(
      reply,
      values,
      async () => {
        saved.id = await outcomeImport.confirm(request.principal, committee, importRequest(values), choices);
      },
      (state) => <PreviewPage ctx={request.viewContext()} preview={preview} choices={choices} state={state} />,
    );
    if (!ok || !saved.id) return reply;
    setFlash(reply, request, services, request.viewContext().t('outcomeImport.saved'));
    return reply.redirect(`/ekonomi/utfall/import/${saved.id}`);
  });

  app.get('/ekonomi/utfall/import/:id', read, async (request, reply) => {
    const committee = await outcomeImport.committeeFor(request.principal, 'economy.read');
    const detail = await outcomeImport.get(request.principal, committee, idParam(request));
    return reply.page(<ImportDetailPage ctx={request.viewContext()} detail={detail} canManage={can(request.principal, 'economy.manage', [committee.id])} />);
  });

  app.get('/ekonomi/utfall/import/:id/ta-bort', manage, async (request, reply) => {
    const committee = await outcomeImport.committeeFor(request.principal, 'economy.manage');
    const detail = await outcomeImport.get(request.principal, committee, idParam(request));
    return reply.page(<RemoveImportPage ctx={request.viewContext()} detail={detail} />);
  });

  app.post('/ekonomi/utfall/import/:id/ta-bort', manage, async (request, reply) => {
    const committee = await outcomeImport.committeeFor(request.principal, 'economy.manage');
    await outcomeImport.remove(request.principal, committee, idParam(request));
    setFlash(reply, request, services, request.viewContext().t('outcomeImport.removed'));
    return reply.redirect('/ekonomi/utfall');
  });
}

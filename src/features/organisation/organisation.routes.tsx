import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { setFlash } from '../../platform/http/app.js';
import { formBody, handleForm } from '../../platform/http/forms.js';
import { emptyForm } from '../../platform/views/forms.js';
import { can, holdsRoleAnywhere, scopeOf } from '../../platform/auth/policy.js';
import { OrganisationFormPage, OrganisationPage, OverviewPage } from './organisation.pages.js';
import { BodyFormPage, BodyPage, DeleteMandatePage, MandateFormPage, roleLabel } from './mandate.pages.js';
import { PeoplePage, PersonFormPage, PersonPage } from './person.pages.js';
import { presentOrganisation, presentPerson, presentMandate } from './organisation.presenters.js';
import { UUID_PATTERN, idParam } from '../../platform/http/params.js';
import { forbidden } from '../../platform/errors.js';
import type { MandateRow, OrganisationRow } from './organisation.tables.js';

const slugParam = (request: FastifyRequest) => (request.params as { slug: string }).slug;

function mandateValues(m: MandateRow): Record<string, string> {
  return {
    personId: m.personId,
    bodyId: m.bodyId,
    municipalityId: m.municipalityId,
    role: m.role,
    position: m.position ?? '',
    termFrom: m.termFrom,
    termTo: m.termTo ?? '',
  };
}

function orgValues(o: OrganisationRow): Record<string, string> {
  const text = (key: string) => (typeof o.settings[key] === 'string' ? (o.settings[key] as string) : '');
  return { name: o.name, slug: o.slug, orgNumber: o.orgNumber ?? '', isHost: o.isHost ? 'on' : '', protocolShortName: text('shortName'), registryCode: text('registryCode') };
}

export function registerOrganisationRoutes(app: FastifyInstance, services: Services): void {
  const { organisation } = services;
  const read = { config: { action: 'organisation.read' as const } };
  const edit = { config: { action: 'organisation.edit' as const } };
  const saved = (request: FastifyRequest) => request.viewContext().t('common.saved');

  app.get('/organisation', read, async (request, reply) => {
    const overview = await organisation.overview(request.principal);
    const p = request.principal;
    const canEdit = (o: OrganisationRow) => can(p, 'organisation.edit', scopeOf([o.id, o.kind === 'municipality' ? o.committeeId : null]));
    return reply.page(<OverviewPage ctx={request.viewContext()} overview={overview} canEdit={canEdit} />);
  });

  app.get('/organisation/:slug', read, async (request, reply) => {
    const detail = await organisation.detail(request.principal, slugParam(request));
    return reply.page(<OrganisationPage ctx={request.viewContext()} detail={detail} populationForm={emptyForm({ source: 'SCB, folkmängd 31 december' })} />);
  });

  app.post('/organisation/:slug/befolkning', edit, async (request, reply) => {
    const slug = slugParam(request);
    const values = formBody(request);
    const detail = await organisation.detail(request.principal, slug);
    const ok = await handleForm(reply, values, () => organisation.setPopulation(request.principal, slug, values), (state) => (
      <OrganisationPage ctx={request.viewContext()} detail={detail} populationForm={state} />
    ));
    if (!ok) return reply;
    setFlash(reply, request, services, saved(request));
    return reply.redirect(`/organisation/${slug}`);
  });

  app.get('/organisation/:slug/andra', edit, async (request, reply) => {
    const detail = await organisation.detail(request.principal, slugParam(request));
    const { org } = detail;
    return reply.page(
      <OrganisationFormPage ctx={request.viewContext()} title={request.viewContext().t('org.editTitle', { name: org.name })} action={`/organisation/${org.slug}/andra`} back={`/organisation/${org.slug}`} state={emptyForm(orgValues(org))} showHost={org.kind === 'municipality'} showProtocolTexts={org.kind === 'committee'} />,
    );
  });

  app.post('/organisation/:slug/andra', edit, async (request, reply) => {
    const slug = slugParam(request);
    const values = formBody(request);
    const detail = await organisation.detail(request.principal, slug);
    let newSlug = slug;
    const ok = await handleForm(
      reply,
      values,
      async () => {
        newSlug = await organisation.update(request.principal, slug, values);
      },
      (state) => (
        <OrganisationFormPage ctx={request.viewContext()} title={request.viewContext().t('org.editTitle', { name: detail.org.name })} action={`/organisation/${slug}/andra`} back={`/organisation/${slug}`} state={state} showHost={detail.org.kind === 'municipality'} showProtocolTexts={detail.org.kind === 'committee'} />
      ),
    );
    if (!ok) return reply;
    setFlash(reply, request, services, saved(request));
    return reply.redirect(`/organisation/${newSlug}`);
  });

  app.get('/organisation/:slug/ny-kommun', edit, async (request, reply) => {
    const slug = slugParam(request);
    const ctx = request.viewContext();
    return reply.page(<OrganisationFormPage ctx={ctx} title={ctx.t('org.addMunicipality')} action={`/organisation/${slug}/ny-kommun`} back={`/organisation/${slug}`} state={emptyForm()} showHost />);
  });

  app.post('/organisation/:slug/ny-kommun', edit, async (request, reply) => {
    const slug = slugParam(request);
    const values = formBody(request);
    const ctx = request.viewContext();
    let created = '';
    const ok = await handleForm(
      reply,
      values,
      async () => {
        created = await organisation.createMunicipality(request.principal, slug, values);
      },
      (state) => <OrganisationFormPage ctx={ctx} title={ctx.t('org.addMunicipality')} action={`/organisation/${slug}/ny-kommun`} back={`/organisation/${slug}`} state={state} showHost />,
    );
    if (!ok) return reply;
    setFlash(reply, request, services, saved(request));
    return reply.redirect(`/organisation/${created}`);
  });

  app.get('/organ/:id', read, async (request, reply) => {
    const detail = await organisation.bodyDetail(request.principal, idParam(request));
    return reply.page(<BodyPage ctx={request.viewContext()} detail={detail} />);
  });

  app.get('/organ/:id/andra', edit, async (request, reply) => {
    const { body, canEdit } = await organisation.bodyDetail(request.principal, idParam(request));
    if (!canEdit) throw forbidden();
    const values = { name: body.name, noticeDays: String(body.noticeDays), seats: body.seats === null ? '' : String(body.seats), isPublic: body.isPublic ? 'on' : '' };
    return reply.page(<BodyFormPage ctx={request.viewContext()} body={body} state={emptyForm(values)} />);
  });

  app.post('/organ/:id/andra', edit, async (request, reply) => {
    const id = idParam(request);
    const { body, canEdit } = await organisation.bodyDetail(request.principal, id);
    if (!canEdit) throw forbidden();
    const values = formBody(request);
    const ok = await handleForm(reply, values, () => organisation.updateBody(request.principal, id, values), (state) => (
      <BodyFormPage ctx={request.viewContext()} body={body} state={state} />
    ));
    if (!ok) return reply;
    setFlash(reply, request, services, saved(request));
    return reply.redirect(`/organ/${id}`);
  });

  async function mandateForm(request: FastifyRequest) {
    const list = await organisation.listPeople(request.principal);
    return { people: list.people, bodies: list.bodies, municipalities: list.organisations.filter((o) => o.kind === 'municipality') };
  }

  app.get('/uppdrag/ny', edit, async (request, reply) => {
    const bodyId = String((request.query as Record<string, unknown>).organ ?? '');
    const ctx = request.viewContext();
    const back = UUID_PATTERN.test(bodyId) ? `/organ/${bodyId}` : '/organisation';
    const today = new Date().toISOString().slice(0, 10);
    return reply.page(<MandateFormPage ctx={ctx} title={ctx.t('mandate.add')} action="/uppdrag/ny" back={back} state={emptyForm({ bodyId, role: 'member', termFrom: today })} {...await mandateForm(request)} />);
  });

  app.post('/uppdrag/ny', edit, async (request, reply) => {
    const values = formBody(request);
    const ctx = request.viewContext();
    const form = await mandateForm(request);
    const ok = await handleForm(reply, values, () => organisation.createMandate(request.principal, values), (state) => (
      <MandateFormPage ctx={ctx} title={ctx.t('mandate.add')} action="/uppdrag/ny" back={`/organ/${values.bodyId ?? ''}`} state={state} {...form} />
    ));
    if (!ok) return reply;
    setFlash(reply, request, services, saved(request));
    return reply.redirect(`/organ/${values.bodyId ?? ''}`);
  });

  app.get('/uppdrag/:id/andra', edit, async (request, reply) => {
    const mandate = await organisation.findMandateToEdit(request.principal, idParam(request));
    const ctx = request.viewContext();
    return reply.page(<MandateFormPage ctx={ctx} title={ctx.t('mandate.editTitle')} action={`/uppdrag/${mandate.id}/andra`} back={`/organ/${mandate.bodyId}`} state={emptyForm(mandateValues(mandate))} {...await mandateForm(request)} />);
  });

  app.post('/uppdrag/:id/andra', edit, async (request, reply) => {
    const id = idParam(request);
    const mandate = await organisation.findMandateToEdit(request.principal, id);
    const values = formBody(request);
    const ctx = request.viewContext();
    const form = await mandateForm(request);
    const ok = await handleForm(reply, values, () => organisation.updateMandate(request.principal, id, values), (state) => (
      <MandateFormPage ctx={ctx} title={ctx.t('mandate.editTitle')} action={`/uppdrag/${id}/andra`} back={`/organ/${mandate.bodyId}`} state={state} {...form} />
    ));
    if (!ok) return reply;
    setFlash(reply, request, services, saved(request));
    return reply.redirect(`/organ/${values.bodyId ?? mandate.bodyId}`);
  });

  app.get('/uppdrag/:id/ta-bort', edit, async (request, reply) => {
    const mandate = await organisation.findMandateToEdit(request.principal, idParam(request));
    const ctx = request.viewContext();
    const person = await organisation.personDetail(request.principal, mandate.personId);
    const municipality = person.organisations.find((o) => o.id === mandate.municipalityId)?.name ?? '';
    const what = ctx.t('mandate.deleteWhat', { name: person.person.name, role: roleLabel(ctx, mandate).toLowerCase(), municipality });
    return reply.page(<DeleteMandatePage ctx={ctx} mandate={mandate} what={what} />);
  });

  app.post('/uppdrag/:id/ta-bort', edit, async (request, reply) => {
    const bodyId = await organisation.deleteMandate(request.principal, idParam(request));
    setFlash(reply, request, services, request.viewContext().t('common.deleted'));
    return reply.redirect(`/organ/${bodyId}`);
  });

  app.get('/personer', read, async (request, reply) => {
    const list = await organisation.listPeople(request.principal);
    return reply.page(<PeoplePage ctx={request.viewContext()} list={list} canEdit={holdsRoleAnywhere(request.principal, 'organisation.edit')} />);
  });

  async function orgOptions(request: FastifyRequest) {
    const all = await organisation.listAll(request.principal);
    return all.map((o) => ({ id: o.id, name: o.name }));
  }

  app.get('/personer/ny', edit, async (request, reply) => {
    const ctx = request.viewContext();
    return reply.page(<PersonFormPage ctx={ctx} title={ctx.t('person.new')} action="/personer/ny" back="/personer" state={emptyForm()} organisations={await orgOptions(request)} />);
  });

  app.post('/personer/ny', edit, async (request, reply) => {
    const values = formBody(request);
    const ctx = request.viewContext();
    const options = await orgOptions(request);
    let id = '';
    const ok = await handleForm(
      reply,
      values,
      async () => {
        id = await organisation.createPerson(request.principal, values);
      },
      (state) => <PersonFormPage ctx={ctx} title={ctx.t('person.new')} action="/personer/ny" back="/personer" state={state} organisations={options} />,
    );
    if (!ok) return reply;
    setFlash(reply, request, services, saved(request));
    return reply.redirect(`/personer/${id}`);
  });

  app.get('/personer/:id', read, async (request, reply) => {
    const detail = await organisation.personDetail(request.principal, idParam(request));
    return reply.page(<PersonPage ctx={request.viewContext()} detail={detail} />);
  });

  app.get('/personer/:id/andra', edit, async (request, reply) => {
    const { person, canEdit } = await organisation.personDetail(request.principal, idParam(request));
    if (!canEdit) throw forbidden();
    const ctx = request.viewContext();
    const values = { name: person.name, organisationId: person.organisationId ?? '', title: person.title ?? '', bornOn: person.bornOn ?? '', email: person.email ?? '', phone: person.phone ?? '' };
    return reply.page(
      <PersonFormPage ctx={ctx} title={ctx.t('person.editTitle', { name: person.name })} action={`/personer/${person.id}/andra`} back={`/personer/${person.id}`} state={emptyForm(values)} organisations={await orgOptions(request)} />,
    );
  });

  app.post('/personer/:id/andra', edit, async (request, reply) => {
    const id = idParam(request);
    const { person, canEdit } = await organisation.personDetail(request.principal, id);
    if (!canEdit) throw forbidden();
    const values = formBody(request);
    const ctx = request.viewContext();
    const options = await orgOptions(request);
    const ok = await handleForm(reply, values, () => organisation.updatePerson(request.principal, id, values), (state) => (
      <PersonFormPage ctx={ctx} title={ctx.t('person.editTitle', { name: person.name })} action={`/personer/${id}/andra`} back={`/personer/${id}`} state={state} organisations={options} />
    ));
    if (!ok) return reply;
    setFlash(reply, request, services, saved(request));
    return reply.redirect(`/personer/${id}`);
  });

  // JSON API
  app.get('/api/v1/organisations', read, async (request) => {
    const overview = await organisation.overview(request.principal);
    return {
      data: overview.map(({ committee, members, bodies }) => ({
        ...presentOrganisation(committee),
        bodies: bodies.map((b) => ({ id: b.id, name: b.name, kind: b.kind, noticeDays: b.noticeDays })),
        members: members.map((m) => ({ ...presentOrganisation(m), populations: m.populations.map((p) => ({ year: p.year, population: p.population, source: p.source })) })),
      })),
    };
  });

  app.get('/api/v1/organisations/:slug', read, async (request) => {
    const d = await organisation.detail(request.principal, slugParam(request));
    return {
      data: {
        ...presentOrganisation(d.org),
        populations: d.populations.map((p) => ({ year: p.year, population: p.population, source: p.source })),
        mandates: d.mandates.map(presentMandate),
      },
    };
  });

  app.get('/api/v1/people', read, async (request) => {
    const list = await organisation.listPeople(request.principal);
    return { data: list.people.map(presentPerson) };
  });
}

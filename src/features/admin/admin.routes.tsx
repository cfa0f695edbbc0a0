import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { setFlash } from '../../platform/http/app.js';
import { formBody, handleForm } from '../../platform/http/forms.js';
import { emptyForm } from '../../platform/views/forms.js';
import { actorOf } from '../auth/auth.service.js';
import { AuditPage, NewUserPage, UserPage, UsersPage } from './admin.pages.js';
import { idParam } from '../../platform/http/params.js';


export function registerAdminRoutes(app: FastifyInstance, services: Services): void {
  const { admin, organisation, auth } = services;
  const manage = { config: { action: 'user.manage' as const } };

  const orgOptions = async (request: FastifyRequest) => (await organisation.listAll(request.principal)).map((o) => ({ id: o.id, name: o.name }));
  const peopleOptions = async (request: FastifyRequest) => (await organisation.listPeople(request.principal)).people.map((p) => ({ id: p.id, name: p.name }));

  app.get('/admin/anvandare', manage, async (request, reply) => {
    const users = await admin.listUsers(request.principal);
    return reply.page(<UsersPage ctx={request.viewContext()} users={users} orgs={await orgOptions(request)} />);
  });

  app.get('/admin/anvandare/ny', manage, async (request, reply) => {
    return reply.page(<NewUserPage ctx={request.viewContext()} state={emptyForm({ role: 'member' })} orgs={await orgOptions(request)} />);
  });

  app.post('/admin/anvandare/ny', manage, async (request, reply) => {
    const values = formBody(request);
    const orgs = await orgOptions(request);
    let id = '';
    const ok = await handleForm(
      reply,
      values,
      async () => {
        const principal = await admin.assertMayCreate(request.principal, values);
        id = await auth.createUser(
          {
            name: values.name,
            email: values.email,
            password: values.password,
            grants: [{ role: values.role, organisationId: values.organisationId }],
          },
          actorOf(principal),
        );
      },
      (state) => <NewUserPage ctx={request.viewContext()} state={state} orgs={orgs} />,
    );
    if (!ok) return reply;
    setFlash(reply, request, services, request.viewContext().t('users.created'));
    return reply.redirect(`/admin/anvandare/${id}`);
  });

  app.get('/admin/anvandare/:id', manage, async (request, reply) => {
    const user = await admin.getUser(request.principal, idParam(request));
    return reply.page(<UserPage ctx={request.viewContext()} user={user} orgs={await orgOptions(request)} people={await peopleOptions(request)} state={emptyForm()} />);
  });

  // Linking the account to a person is its own audited step (person-link.service.ts).
  app.post('/admin/anvandare/:id/person', manage, async (request, reply) => {
    const id = idParam(request);
    const user = await admin.getUser(request.principal, id);
    const [orgs, people] = [await orgOptions(request), await peopleOptions(request)];
    const personId = formBody(request).personId ?? '';
    const ok = await handleForm(
      reply,
      { personId },
      () => services.personLinks.linkPerson(request.principal, id, /^[0-9a-f-]{36}$/.test(personId) ? personId : null),
      (state) => <UserPage ctx={request.viewContext()} user={user} orgs={orgs} people={people} state={state} />,
    );
    if (!ok) return reply;
    setFlash(reply, request, services, request.viewContext().t('common.saved'));
    return reply.redirect(`/admin/anvandare/${id}`);
  });

  for (const [path, run] of [
    ['roller', (r: FastifyRequest, id: string) => admin.addGrant(r.principal, id, formBody(r))],
    ['roller/ta-bort', (r: FastifyRequest, id: string) => admin.removeGrant(r.principal, id, formBody(r))],
    ['stang-av', (r: FastifyRequest, id: string) => admin.setDisabled(r.principal, id, true)],
    ['aktivera', (r: FastifyRequest, id: string) => admin.setDisabled(r.principal, id, false)],
  ] as const) {
    app.post(`/admin/anvandare/:id/${path}`, manage, async (request, reply) => {
      const id = idParam(request);
      const user = await admin.getUser(request.principal, id);
      const [orgs, people] = [await orgOptions(request), await peopleOptions(request)];
      const ok = await handleForm(reply, formBody(request), () => run(request, id), (state) => <UserPage ctx={request.viewContext()} user={user} orgs={orgs} people={people} state={state} />);
      if (!ok) return reply;
      setFlash(reply, request, services, request.viewContext().t('common.saved'));
      return reply.redirect(`/admin/anvandare/${id}`);
    });
  }

  app.get('/admin/granskningslogg', { config: { action: 'audit.read' } }, async (request, reply) => {
    const before = Number((request.query as Record<string, unknown>).fore);
    const olderThan = Number.isInteger(before) && before > 0 ? before : undefined;
    const rows = await admin.auditPage(request.principal, { before: olderThan });
    const verification = await admin.verifyAudit(request.principal);
    return reply.page(<AuditPage ctx={request.viewContext()} rows={rows} verification={verification} olderThan={olderThan} />);
  });
}

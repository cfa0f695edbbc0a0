import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { ListTable, type Column } from '../../platform/views/list-table.js';
import { ErrorSummary, PostForm, SelectField, TextField, type FormState, FormActions } from '../../platform/views/forms.js';
import type { AuditVerification } from '../../platform/audit/audit.js';
import { ROLE_LABELS, ROLES, type Role } from '../../platform/auth/policy.js';
import type { AdminService } from './admin.service.js';
import { formatDateTime } from '../../platform/time-format.js';
import { countText } from '../../platform/i18n/plural.js';
import { DataTable } from '../../platform/views/data-table.js';

type UserItem = Awaited<ReturnType<AdminService['listUsers']>>[number];
type AuditRow = Awaited<ReturnType<AdminService['auditPage']>>[number];
interface OrgOption {
  id: string;
  name: string;
}

const roleName = (ctx: ViewContext, role: string) => ROLE_LABELS[role as Role]?.[ctx.locale] ?? role;

export function UsersPage({ ctx, users, orgs }: { ctx: ViewContext; users: UserItem[]; orgs: OrgOption[] }) {
  const { t } = ctx;
  const orgName = (id: string) => orgs.find((o) => o.id === id)?.name ?? '';
  const columns: Column<UserItem>[] = [
    { key: 'name', label: t('auth.name'), rowHeader: true, text: (u) => u.name, render: (u) => <a href={`/admin/anvandare/${u.id}`}>{u.name}</a> },
    { key: 'email', label: t('auth.email'), text: (u) => u.email },
    { key: 'roles', label: t('users.roles'), text: (u) => u.grants.map((g) => `${roleName(ctx, g.role)} (${orgName(g.organisationId)})`).join('; ') },
    { key: 'status', label: t('users.status'), text: (u) => (u.disabled ? t('users.disabled') : t('users.active')) },
  ];
  return (
    <Layout ctx={ctx} title={t('users.title')} back={{ href: '/' }}>
      <p>
        <a class="button" href="/admin/anvandare/ny">
          {t('users.new')}
        </a>
      </p>
      <ListTable ctx={ctx} caption={t('users.title')} hideCaption columns={columns} rows={users} defaultSort="name" />
    </Layout>
  );
}

function roleOptions(ctx: ViewContext) {
  return ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][ctx.locale] }));
}

export function NewUserPage({ ctx, state, orgs }: { ctx: ViewContext; state: FormState; orgs: OrgOption[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('users.new')} back={{ href: '/admin/anvandare', label: t('users.title') }}>
      <ErrorSummary
        ctx={ctx}
        state={state}
        labels={{ name: t('auth.name'), email: t('auth.email'), password: t('auth.password'), role: t('users.role'), organisationId: t('users.organisation'), personId: t('users.person') }}
      />
      <PostForm ctx={ctx} action="/admin/anvandare/ny">
        <TextField ctx={ctx} state={state} name="name" label={t('auth.name')} required autocomplete="off" />
        <TextField ctx={ctx} state={state} name="email" type="email" label={t('auth.email')} required autocomplete="off" />
        <TextField ctx={ctx} state={state} name="password" type="password" label={t('auth.password')} hint={`${t('users.initialPasswordHint')} ${t('auth.passwordHint')}`} required autocomplete="new-password" />
        <SelectField ctx={ctx} state={state} name="role" label={t('users.role')} required options={roleOptions(ctx)} />
        <SelectField ctx={ctx} state={state} name="organisationId" label={t('users.organisation')} required options={orgs.map((o) => ({ value: o.id, label: o.name }))} />
        <FormActions ctx={ctx} cancelHref="/admin/anvandare" />
      </PostForm>
    </Layout>
  );
}

export function UserPage({ ctx, user, orgs, people, state }: { ctx: ViewContext; user: UserItem; orgs: OrgOption[]; people: OrgOption[]; state: FormState }) {
  const { t } = ctx;
  const orgName = (id: string) => orgs.find((o) => o.id === id)?.name ?? '';
  return (
    <Layout ctx={ctx} title={user.name} back={{ href: '/admin/anvandare', label: t('users.title') }}>
      <ErrorSummary ctx={ctx} state={state} labels={{ role: t('users.role'), organisationId: t('users.organisation'), personId: t('users.person') }} />
      <dl class="facts">
        <dt>{t('auth.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('users.status')}</dt>
        <dd>{user.disabled ? t('users.disabled') : t('users.active')}</dd>
        <dt>{t('users.totp')}</dt>
        <dd>{user.totpEnabled ? t('common.yes') : t('common.no')}</dd>
      </dl>
      <h2>{t('users.roles')}</h2>
      <ul>
        {user.grants.map((g) => (
          <li>
            <PostForm ctx={ctx} action={`/admin/anvandare/${user.id}/roller/ta-bort`} class="inline-form">
              {roleName(ctx, g.role)} – {orgName(g.organisationId)}{' '}
              <input type="hidden" name="role" value={g.role} />
              <input type="hidden" name="organisationId" value={g.organisationId} />
              <button type="submit" class="secondary" aria-label={`${t('users.revoke')}: ${roleName(ctx, g.role)}, ${orgName(g.organisationId)}`}>
                {t('users.revoke')}
              </button>
            </PostForm>
          </li>
        ))}
      </ul>
      <h3>{t('users.grant')}</h3>
      <PostForm ctx={ctx} action={`/admin/anvandare/${user.id}/roller`}>
        <SelectField ctx={ctx} state={state} name="role" label={t('users.role')} required options={roleOptions(ctx)} />
        <SelectField ctx={ctx} state={state} name="organisationId" label={t('users.organisation')} required options={orgs.map((o) => ({ value: o.id, label: o.name }))} />
        <button type="submit">{t('users.grant')}</button>
      </PostForm>
      <h2>{t('users.person')}</h2>
      <p>{t('users.personIntro')}</p>
      <p>{user.personId ? t('users.linkedTo', { name: people.find((p) => p.id === user.personId)?.name ?? user.personId }) : t('users.notLinked')}</p>
      <PostForm ctx={ctx} action={`/admin/anvandare/${user.id}/person`}>
        <SelectField ctx={ctx} state={{ values: { personId: user.personId ?? '' }, errors: state.errors }} name="personId" label={t('users.person')} empty={t('users.noPerson')} options={people.map((p) => ({ value: p.id, label: p.name }))} />
        <button type="submit">{t('users.link')}</button>
      </PostForm>
      <h2>{t('users.status')}</h2>
      <PostForm ctx={ctx} action={`/admin/anvandare/${user.id}/${user.disabled ? 'aktivera' : 'stang-av'}`}>
        <button type="submit" class={user.disabled ? '' : 'danger'}>
          {user.disabled ? t('users.enable') : t('users.disable')}
        </button>
      </PostForm>
    </Layout>
  );
}

const time = (ctx: ViewContext, d: Date) =>
  formatDateTime(d, ctx.locale, { dateStyle: 'short', timeStyle: 'medium' });

function change(row: AuditRow): string {
  const show = (v: unknown) => (v === null || v === undefined ? '–' : JSON.stringify(v));
  return `${show(row.before)} → ${show(row.after)}`;
}

export function AuditPage({ ctx, rows, verification, olderThan }: { ctx: ViewContext; rows: AuditRow[]; verification: AuditVerification; olderThan?: number | undefined }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('audit.title')} back={{ href: '/' }}>
      <p>{t('audit.intro')}</p>
      {verification.ok ? (
        <p class="flash" role="status">
          ✓ {countText(ctx, 'audit.ok', verification.count)}
        </p>
      ) : (
        <p class="error-summary" role="alert">
          ✗ {t('audit.broken', { seq: verification.firstBrokenSeq, reason: verification.reason })}
        </p>
      )}
      {/* A scrolling region with no links inside must itself be reachable by keyboard. */}
      <DataTable caption={t('audit.title')} hideCaption columns={[t('audit.seq'), t('audit.at'), t('audit.actor'), t('audit.action'), t('audit.entity'), t('audit.change')]} scroll="region">
        {rows.map((r) => (
          <tr>
            <th scope="row">{r.seq}</th>
            <td>{time(ctx, r.at)}</td>
            <td>{r.actorLabel}</td>
            <td>{r.action}</td>
            <td>
              {r.entity} {r.entityId ? <code>{r.entityId.slice(0, 8)}</code> : null}
            </td>
            <td>
              <code class="wrap-anywhere">{change(r)}</code>
            </td>
          </tr>
        ))}
      </DataTable>
      <p class="actions">
        {olderThan && <a href="/admin/granskningslogg">{t('audit.newest')}</a>}
        {rows.length > 0 && (rows.at(-1)?.seq ?? 0) > 1 && <a href={`/admin/granskningslogg?fore=${rows.at(-1)?.seq ?? ''}`}>{t('audit.older')} →</a>}
      </p>
    </Layout>
  );
}

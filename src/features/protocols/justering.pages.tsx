import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { ErrorSummary, PostForm, TextField, type FormState } from '../../platform/views/forms.js';
import type { JusteringService } from './justering.service.js';
import { assuranceLabel } from '../../domain/assurance.js';

type Overview = Awaited<ReturnType<JusteringService['overview']>>;
type Passkeys = Awaited<ReturnType<JusteringService['passkeys']>>;

const dateTime = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' }).format(d);

export const justeraPath = (protocolId: string) => `/protokoll/${protocolId}/justera`;

/** Spaced in groups of four so that the digest can be read aloud and compared with the printed one. */
const grouped = (hex: string) => hex.replace(/(.{4})/g, '$1 ').trim();

function Signatures({ ctx, signatures }: { ctx: ViewContext; signatures: Overview['signatures'] }) {
  const { t } = ctx;
  return (
    <ul>
      {signatures.map((s) => (
        <li>
          {t(`justering.role.${s.role}`)}: {t('justering.signedBy', { name: s.name, time: dateTime(s.signedAt), method: t(`justering.method.${s.method}`) })}
          {s.method === 'e-id' && ` ${t('justering.eidVia', { provider: s.assuranceProvider ?? '–', level: s.assuranceLevel ? assuranceLabel(s.assuranceLevel) : '–' })}`}
          {s.late && <span class="badge"> {t('justering.signedLate')}</span>}
        </li>
      ))}
    </ul>
  );
}

/** The two ways to sign: a passkey (with JavaScript) or, without a passkey, the password again. */
function SignForms({ ctx, overview, state, paragraph }: { ctx: ViewContext; overview: Overview; state: FormState; paragraph?: { id: string; number: number | null } }) {
  const { t } = ctx;
  const action = justeraPath(overview.protocolId);
  const suffix = paragraph ? `-${paragraph.id}` : '';
  const label = paragraph ? t('justering.paragraphSign', { number: paragraph.number ?? '–' }) : undefined;
  const eid = overview.eidProvider && (
    <p>
      <a class="button" id={`sign-eid${suffix}`} href={`${action}/e-id${paragraph ? `?paragraphId=${paragraph.id}` : ''}`}>
        {label ? `${label} – ${t('justering.eidSign')}` : t('justering.eidSign')}
      </a>
      <span class="hint"> {t('justering.eidIntro', { provider: overview.eidProvider })}</span>
    </p>
  );
  if (overview.eidRequired) {
    return (
      <div>
        <p class="notice">{t('justering.eidRequired', { level: assuranceLabel(overview.eidRequired) })}</p>
        {eid || <p class="warning">{t('justering.eidMissing')}</p>}
      </div>
    );
  }
  return (
    <div>
      {eid}
      <LocalSignForms ctx={ctx} overview={overview} state={state} {...(paragraph ? { paragraph } : {})} />
    </div>
  );
}

function LocalSignForms({ ctx, overview, state, paragraph }: { ctx: ViewContext; overview: Overview; state: FormState; paragraph?: { id: string; number: number | null } }) {
  const { t } = ctx;
  const action = justeraPath(overview.protocolId);
  const suffix = paragraph ? `-${paragraph.id}` : '';
  const label = paragraph ? t('justering.paragraphSign', { number: paragraph.number ?? '–' }) : undefined;
  if (overview.hasPasskey) {
    return (
      <PostForm ctx={ctx} action={action} class="webauthn-sign">
        <input type="hidden" name="method" value="webauthn" />
        <input type="hidden" name="assertion" value="" />
        {paragraph && <input type="hidden" name="paragraphId" value={paragraph.id} />}
        <p class="hint" data-webauthn-nojs>
          {t('justering.passkeyNoJs')}
        </p>
        <p role="status" aria-live="polite" data-webauthn-status data-busy={t('justering.passkeyBusy')} data-failed={t('justering.passkeyFailed')} />
        <button type="submit" hidden data-webauthn-sign={`${action}/passkey`} id={`sign-passkey${suffix}`}>
          {label ?? t('justering.passkeySign')}
        </button>
      </PostForm>
    );
  }
  return (
    <PostForm ctx={ctx} action={action}>
      <input type="hidden" name="method" value="password" />
      {paragraph && <input type="hidden" name="paragraphId" value={paragraph.id} />}
      {paragraph ? (
        <div class="field">
          <label for={`f-password${suffix}`}>{t('justering.password')}</label>
          <input id={`f-password${suffix}`} name="password" type="password" autoComplete="current-password" required />
        </div>
      ) : (
        <TextField ctx={ctx} state={state} name="password" type="password" label={t('justering.password')} hint={t('justering.passwordHint')} autocomplete="current-password" required />
      )}
      <button type="submit">{label ?? t('justering.passwordSign')}</button>
    </PostForm>
  );
}

export function JusteringPage({ ctx, overview, state }: { ctx: ViewContext; overview: Overview; state: FormState }) {
  const { t } = ctx;
  const hasScript = overview.hasPasskey && (overview.maySign || overview.immediate.some((p) => p.maySign));
  return (
    <Layout ctx={ctx} title={t('justering.title')}>
      <p>{t('justering.meeting', { body: overview.bodyName, date: overview.meetingDate })}</p>
      <ErrorSummary ctx={ctx} state={state} labels={{ password: t('justering.password') }} />
      <dl>
        <dt>{t('justering.status')}</dt>
        <dd>{t(`justering.status.${overview.status}`)}</dd>
        <dt>{t('justering.digest')}</dt>
        <dd>
          <code class="wrap-anywhere" data-digest={overview.digest ?? ''}>
            {overview.digest ? grouped(overview.digest) : '–'}
          </code>
          <p class="hint">{t('justering.digestHint')}</p>
        </dd>
        <dt>{t('justering.deadline')}</dt>
        <dd>{overview.deadline}</dd>
      </dl>
      {overview.status === 'locked' && <p class={overview.lateToday ? 'warning' : 'notice'}>{overview.lateToday ? t('justering.lateToday') : t('justering.onTime')}</p>}

      <h2>{t('justering.signers')}</h2>
      <ul>
        <li>
          {t('justering.role.chair')}: {overview.chairName ?? t('justering.notAppointed')}
        </li>
        <li>
          {t('justering.role.adjuster')}: {overview.adjusterName ?? t('justering.notAppointed')}
        </li>
      </ul>
      {overview.signatures.length > 0 ? <Signatures ctx={ctx} signatures={overview.signatures} /> : <p>{t('justering.notSigned')}</p>}

      {overview.status === 'final' && <p class="flash">{t('justering.final')}</p>}
      {overview.status === 'draft' && <p class="notice">{t('justering.notLocked')}</p>}
      {overview.status === 'locked' && !overview.maySign && <p class="notice">{t('justering.youSigned')}</p>}
      {overview.maySign && (
        <section aria-labelledby="sign-heading">
          <h2 id="sign-heading">{t('justering.signTitle')}</h2>
          <p>{t('justering.signIntro')}</p>
          <SignForms ctx={ctx} overview={overview} state={state} />
        </section>
      )}

      {overview.immediate.length > 0 && (
        <section aria-labelledby="immediate-heading">
          <h2 id="immediate-heading">{t('justering.immediate')}</h2>
          <p class="hint">{t('justering.immediateHint')}</p>
          {overview.immediate.map((p) => (
            <div>
              <h3>{t('justering.paragraph', { number: p.number ?? '–', heading: p.heading })}</h3>
              <p>
                <code class="wrap-anywhere">{grouped(p.digest)}</code>
              </p>
              {p.adjustedAt && <p>{t('justering.paragraphAdjusted', { time: dateTime(p.adjustedAt) })}</p>}
              {p.signatures.length > 0 && <Signatures ctx={ctx} signatures={p.signatures} />}
              {p.maySign && <SignForms ctx={ctx} overview={overview} state={state} paragraph={p} />}
            </div>
          ))}
        </section>
      )}
      {!overview.hasPasskey && (overview.maySign || overview.immediate.some((p) => p.maySign)) && (
        <p>
          <a href={`/konto/passkey?next=${encodeURIComponent(justeraPath(overview.protocolId))}`}>{t('justering.registerPasskey')}</a>
        </p>
      )}
      {hasScript && <script src="/static/webauthn-sign.js" defer />}
    </Layout>
  );
}

export function PasskeyPage({ ctx, passkeys, next }: { ctx: ViewContext; passkeys: Passkeys; next: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('passkey.title')} back={{ href: next || '/konto' }}>
      <p>{t('passkey.intro')}</p>
      <h2>{t('passkey.list')}</h2>
      {passkeys.length === 0 ? (
        <p>{t('passkey.none')}</p>
      ) : (
        <ul>
          {passkeys.map((p) => (
            <li>
              {p.label || 'Passkey'} – {t('passkey.registered', { date: dateTime(p.createdAt) })}
            </li>
          ))}
        </ul>
      )}
      <PostForm ctx={ctx} action="/konto/passkey/registrera">
        <input type="hidden" name="credential" value="" />
        <input type="hidden" name="next" value={next} />
        <div class="field">
          <label for="f-label">{t('passkey.label')}</label>
          <input id="f-label" name="label" type="text" maxLength={100} />
        </div>
        <p class="hint" data-webauthn-nojs>
          {t('passkey.noJs')}
        </p>
        <p role="status" aria-live="polite" data-webauthn-status data-busy={t('justering.passkeyBusy')} data-failed={t('justering.passkeyFailed')} />
        <button type="submit" hidden data-webauthn-register="/konto/passkey/registrera/alternativ" id="register-passkey">
          {t('passkey.register')}
        </button>
      </PostForm>
      <script src="/static/webauthn-sign.js" defer />
    </Layout>
  );
}

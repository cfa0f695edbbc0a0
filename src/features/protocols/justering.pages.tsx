import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { ErrorSummary, PostForm, TextField, emptyForm, type FormState } from '../../platform/views/forms.js';
import type { JusteringService } from './justering.service.js';
import type { ReviewService } from './review.service.js';
import { ReviewDocument } from './review.pages.js';
import { formatDateTime } from '../../platform/time-format.js';
import { assuranceLabel } from '../../domain/assurance.js';
import { countText } from '../../platform/i18n/plural.js';
import { ListOrNone } from '../../platform/views/list-or-none.js';

type Overview = Awaited<ReturnType<JusteringService['overview']>>;
type Passkeys = Awaited<ReturnType<JusteringService['passkeys']>>;
type Review = Awaited<ReturnType<ReviewService['forSigner']>>;

const dateTime = (d: Date) => formatDateTime(d, 'sv');

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
          <AccountChanges ctx={ctx} changes={s.accountChanges} />
        </li>
      ))}
    </ul>
  );
}

/** Issue 15: what changed in the signer's account in the 30 days before the signature (from the audit log). */
function AccountChanges({ ctx, changes }: { ctx: ViewContext; changes: Overview['signatures'][number]['accountChanges'] }) {
  const { t } = ctx;
  if (changes.length === 0) return <p class="hint">{t('justering.noAccountChanges')}</p>;
  return (
    <div class="warning">
      <p>{countText(ctx, 'justering.accountChanges', changes.length)}</p>
      <ul>
        {changes.map((c) => (
          <li>
            {dateTime(c.at)}: {t(`justering.change.${c.action}`)} ({c.bySigner ? t('justering.changeBySigner') : t('justering.changeBy', { actor: c.actorLabel })})
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The ways to sign, each with the signer's own second factor: a passkey (with JavaScript) or a
 * code from the authenticator app (TOTP, no script needed). The password alone does not sign.
 */
function SignForms({ ctx, overview, state, paragraph }: { ctx: ViewContext; overview: Overview; state: FormState; paragraph?: { id: string; number: number | null; digest: string } }) {
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

/** The signer's own second factor: a passkey (with JavaScript) or a TOTP code (no script needed). */
function LocalSignForms({ ctx, overview, state, paragraph }: { ctx: ViewContext; overview: Overview; state: FormState; paragraph?: { id: string; number: number | null; digest: string } }) {
  const { t } = ctx;
  const action = justeraPath(overview.protocolId);
  const suffix = paragraph ? `-${paragraph.id}` : '';
  const label = paragraph ? t('justering.paragraphSign', { number: paragraph.number ?? '–' }) : undefined;
  if (!overview.hasPasskey && !overview.hasTotp) return <SecondFactorMissing ctx={ctx} overview={overview} />;
  return (
    <>
      {overview.hasPasskey && (
        <PostForm ctx={ctx} action={action} class="webauthn-sign">
          <input type="hidden" name="method" value="passkey" />
          <input type="hidden" name="assertion" value="" />
          {paragraph && <input type="hidden" name="paragraphId" value={paragraph.id} />}
          <p class="hint" data-webauthn-nojs>
            {t(overview.hasTotp ? 'justering.passkeyNoJsUseTotp' : 'justering.passkeyNoJs')}
          </p>
          <p role="status" aria-live="polite" data-webauthn-status data-busy={t('justering.passkeyBusy')} data-failed={t('justering.passkeyFailed')} />
          <button type="submit" hidden data-webauthn-sign={`${action}/passkey`} id={`sign-passkey${suffix}`}>
            {label ?? t('justering.passkeySign')}
          </button>
        </PostForm>
      )}
      {overview.hasTotp && (
        <PostForm ctx={ctx} action={action}>
          <input type="hidden" name="method" value="totp" />
          <input type="hidden" name="sha256" value={paragraph ? paragraph.digest : (overview.digest ?? '')} />
          {paragraph && <input type="hidden" name="paragraphId" value={paragraph.id} />}
          {paragraph ? (
            <div class="field">
              <label for={`f-code${suffix}`}>{t('justering.totpCode')}</label>
              <input id={`f-code${suffix}`} name="code" type="text" inputMode="numeric" autoComplete="one-time-code" required />
            </div>
          ) : (
            <TextField ctx={ctx} state={state} name="code" label={t('justering.totpCode')} hint={t('justering.totpHint')} autocomplete="one-time-code" inputMode="numeric" required />
          )}
          <button type="submit">{paragraph ? t('justering.totpSignParagraph', { number: paragraph.number ?? '–' }) : t('justering.totpSign')}</button>
        </PostForm>
      )}
    </>
  );
}

/** No passkey and no TOTP: say plainly what is needed and where the person registers it. */
function SecondFactorMissing({ ctx, overview }: { ctx: ViewContext; overview: Overview }) {
  const { t } = ctx;
  return (
    <div class="notice">
      <p>{t('justering.needSecondFactor')}</p>
      <ul>
        <li>
          <a href={`/konto/passkey?next=${encodeURIComponent(justeraPath(overview.protocolId))}`}>{t('justering.registerPasskey')}</a>
        </li>
        <li>
          <a href="/konto#tvastegs">{t('justering.registerTotp')}</a>
        </li>
      </ul>
    </div>
  );
}

export function JusteringPage({ ctx, overview, review, state, commentState }: { ctx: ViewContext; overview: Overview; review: Review; state: FormState; commentState?: FormState }) {
  const { t } = ctx;
  const hasScript = overview.hasPasskey && (overview.maySign || overview.immediate.some((p) => p.maySign));
  return (
    <Layout ctx={ctx} title={t('justering.title')} back={{ href: '/', label: t('justering.backToStart') }}>
      <p>{t('justering.meeting', { body: overview.bodyName, date: overview.meetingDate })}</p>
      <ErrorSummary ctx={ctx} state={commentState ?? state} labels={{ code: t('justering.totpCode'), paragraphId: t('justering.paragraphField'), body: t('justering.commentField') }} />
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
      {overview.status !== 'draft' && (
        <p>
          <a href={`/moten/${overview.meetingId}/protokoll.pdf`}>{t('review.pdf')}</a>
        </p>
      )}

      <ReviewDocument ctx={ctx} protocolId={overview.protocolId} review={review} state={commentState ?? emptyForm()} />

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
      {hasScript && <script src="/static/webauthn-sign.js" defer />}
    </Layout>
  );
}

export function PasskeyPage({ ctx, passkeys, next, state }: { ctx: ViewContext; passkeys: Passkeys; next: string; state: FormState }) {
  const { t } = ctx;
  const empty = { values: {}, errors: [] };
  return (
    <Layout ctx={ctx} title={t('passkey.title')} back={{ href: next || '/konto' }}>
      <p>{t('passkey.intro')}</p>
      <ErrorSummary ctx={ctx} state={state} labels={{ password: t('passkey.password') }} />
      <h2>{t('passkey.list')}</h2>
      <ListOrNone
        items={passkeys}
        none={t('passkey.none')}
        item={(p) => (
          <>
            {p.label || 'Passkey'} – {t('passkey.registered', { date: dateTime(p.createdAt) })}
            <PostForm ctx={ctx} action={`/konto/passkey/${p.id}/ta-bort`} class="inline-form">
              <TextField ctx={ctx} state={empty} name="password" type="password" label={t('passkey.removePassword', { label: p.label || 'Passkey' })} required autocomplete="current-password" />
              <button type="submit" class="secondary">
                {t('passkey.remove')}
              </button>
            </PostForm>
          </>
        )}
      />
      <h2>{t('passkey.register')}</h2>
      <PostForm ctx={ctx} action="/konto/passkey/registrera">
        <input type="hidden" name="credential" value="" />
        <input type="hidden" name="next" value={next} />
        <TextField ctx={ctx} state={state} name="label" label={t('passkey.label')} />
        <TextField ctx={ctx} state={empty} name="password" type="password" label={t('passkey.password')} required autocomplete="current-password" />
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

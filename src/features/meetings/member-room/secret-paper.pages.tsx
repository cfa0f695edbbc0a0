/**
 * Reading a secret paper in the members' room (issue 18): the paper's registry entry, then each
 * file opened with the member's own second factor — a TOTP code (no script needed) or a passkey.
 */
import type { ViewContext } from '../../../platform/views/context.js';
import { Layout } from '../../../platform/views/layout.js';
import { ErrorSummary, PostForm, type FormState } from '../../../platform/views/forms.js';
import { formatSize } from '../../registry/registry.views.js';
import type { MemberRoomService } from './member-room.service.js';

type Paper = Awaited<ReturnType<MemberRoomService['secretPaperPage']>>;

export const secretPaperPath = (meetingId: string, documentId: string) => `/mina-moten/${meetingId}/handling/${documentId}`;

export function SecretPaperPage({ ctx, paper, state }: { ctx: ViewContext; paper: Paper; state: FormState }) {
  const { t } = ctx;
  const action = secretPaperPath(paper.meeting.id, paper.document.id);
  const back = { href: `/mina-moten/${paper.meeting.id}`, label: t('room.secret.back') };
  return (
    <Layout ctx={ctx} title={t('room.secret.title')} back={back}>
      <ErrorSummary ctx={ctx} state={state} labels={{ code: t('room.secret.code') }} />
      <p>
        <strong>{paper.document.description}</strong> · {t('room.doc.hid', { hid: paper.document.handlingId })}
      </p>
      <p>{t('room.secret.intro', { provision: paper.document.secrecyProvision ?? t('room.secret.noProvision') })}</p>
      {paper.files.length === 0 && <p>{t('room.secret.noFile')}</p>}
      {!paper.hasPasskey && !paper.hasTotp && (
        <p class="notice">
          {t('room.secret.needSecondFactor')} <a href={`/konto/passkey?next=${encodeURIComponent(action)}`}>Passkey</a> · <a href="/konto#tvastegs">TOTP</a>
        </p>
      )}
      {paper.files.map((f) => (
        <section aria-labelledby={`file-${f.id}`}>
          <h2 id={`file-${f.id}`}>
            {f.filename} <span class="hint">({formatSize(f.size, ctx)})</span>
          </h2>
          {paper.hasTotp && (
            <PostForm ctx={ctx} action={action}>
              <input type="hidden" name="method" value="totp" />
              <input type="hidden" name="fileId" value={f.id} />
              <div class="field">
                <label for={`f-code-${f.id}`}>{t('room.secret.code')}</label>
                <input id={`f-code-${f.id}`} name="code" type="text" inputMode="numeric" autoComplete="one-time-code" required />
              </div>
              <button type="submit">{t('room.secret.openTotp', { filename: f.filename })}</button>
            </PostForm>
          )}
          {paper.hasPasskey && (
            <PostForm ctx={ctx} action={action} class="webauthn-sign">
              <input type="hidden" name="method" value="passkey" />
              <input type="hidden" name="assertion" value="" />
              <input type="hidden" name="fileId" value={f.id} />
              <p class="hint" data-webauthn-nojs>
                {t('room.secret.passkeyNoJs')}
              </p>
              <p role="status" aria-live="polite" data-webauthn-status data-busy={t('justering.passkeyBusy')} data-failed={t('justering.passkeyFailed')} />
              <button type="submit" hidden data-webauthn-sign={`${action}/passkey`}>
                {t('room.secret.openPasskey', { filename: f.filename })}
              </button>
            </PostForm>
          )}
        </section>
      ))}
      {paper.hasPasskey && <script src="/static/webauthn-sign.js" defer />}
    </Layout>
  );
}

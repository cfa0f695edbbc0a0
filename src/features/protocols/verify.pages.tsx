import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { PostForm, FormActions } from '../../platform/views/forms.js';
import type { VerifyResult } from './verify.service.js';
import { swedishStamp } from '../../platform/time-format.js';
import { assuranceLabel } from '../../domain/assurance.js';
import { ListOrNone } from '../../platform/views/list-or-none.js';


function range(first: number | null, last: number | null): string {
  if (first === null || last === null) return '–';
  return first === last ? `§ ${first}` : `§§ ${first}–${last}`;
}

function Result({ ctx, result }: { ctx: ViewContext; result: VerifyResult }) {
  const { t } = ctx;
  if (!result.found) {
    return (
      <section aria-labelledby="verify-result" class="notice notice--warning" role="status">
        <h2 id="verify-result">{t('verify.result')}</h2>
        <p>
          <strong>{t('verify.notFound')}</strong>
        </p>
        {result.source === 'file' && <p>{t('verify.notFoundFile')}</p>}
        <p>
          {t('verify.computed')}: <code>{result.sha256.toUpperCase()}</code>
        </p>
      </section>
    );
  }
  const p = result.protocol;
  const headline =
    result.source === 'file'
      ? t(result.match === 'public_pdf' ? 'verify.unchangedPublic' : 'verify.unchanged')
      : t(result.match === 'canonical' ? 'verify.canonical' : 'verify.fileHash');
  return (
    <section aria-labelledby="verify-result" class="notice notice--success" role="status">
      <h2 id="verify-result">{t('verify.result')}</h2>
      <p>
        <strong>{headline}</strong>
      </p>
      <dl>
        <dt>{t('verify.protocol')}</dt>
        <dd>{p.organisationName}</dd>
        {result.match !== 'canonical' && (
          <>
            <dt>{t('verify.version')}</dt>
            <dd>{t(result.match === 'public_pdf' ? 'verify.version.public' : 'verify.version.full')}</dd>
          </>
        )}
        {p.sealLevel && (
          <>
            <dt>{t('verify.sealLevel')}</dt>
            <dd>{p.sealLevel}</dd>
          </>
        )}
        <dt>{t('verify.body')}</dt>
        <dd>{p.bodyName}</dd>
        <dt>{t('verify.meetingDate')}</dt>
        <dd>{p.meetingDate}</dd>
        <dt>{t('verify.paragraphs')}</dt>
        <dd>{range(p.firstParagraph, p.lastParagraph)}</dd>
        {p.finalAt && (
          <>
            <dt>{t('verify.finalAt')}</dt>
            <dd>{swedishStamp(p.finalAt)}</dd>
          </>
        )}
        {p.canonicalSha256 && (
          <>
            <dt>{t('verify.signedDigest')}</dt>
            <dd>
              <code>{p.canonicalSha256.toUpperCase()}</code>
            </dd>
          </>
        )}
      </dl>
      <h3>{t('verify.signatures')}</h3>
      <ListOrNone
        items={p.signatures}
        none={t('verify.noSignatures')}
        item={(s) => (
          <>
            {s.name}, {t(s.role === 'chair' ? 'verify.role.chair' : 'verify.role.adjuster')} – {swedishStamp(s.signedAt)} ({s.method === 'e-id' ? t('verify.method.eid', { provider: s.assuranceProvider ?? '–', level: s.assuranceLevel ? assuranceLabel(s.assuranceLevel) : '–', time: s.authenticatedAt ? swedishStamp(s.authenticatedAt) : '–' }) : t(`verify.method.${s.method}`)}
            {s.paragraph !== null ? `; ${t('verify.paragraphOnly', { n: s.paragraph })}` : ''}
            {s.late ? `; ${t('verify.late')}` : ''})
          </>
        )}
      />
    </section>
  );
}

export function VerifyPage({ ctx, result, error, value }: { ctx: ViewContext; result?: VerifyResult | undefined; error?: string | undefined; value?: string | undefined }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('verify.title')}>
      <h1>{t('verify.title')}</h1>
      <p>{t('verify.intro')}</p>
      {error && (
        <div class="error-summary" role="alert" tabIndex={-1}>
          <p>{error}</p>
        </div>
      )}
      <PostForm ctx={ctx} action="/verifiera" multipart>
        <div class="field">
          <label for="f-file">{t('verify.file')}</label>
          <p class="hint" id="h-file">
            {t('verify.fileHint')}
          </p>
          <input type="file" id="f-file" name="file" accept="application/pdf,.pdf" aria-describedby="h-file" />
        </div>
        <div class="field">
          <label for="f-sha256">{t('verify.value')}</label>
          <p class="hint" id="h-sha256">
            {t('verify.valueHint')}
          </p>
          <input type="text" id="f-sha256" name="sha256" value={value ?? ''} autocomplete="off" spellcheck={false} aria-describedby="h-sha256" aria-invalid={error ? 'true' : undefined} />
        </div>
        <FormActions ctx={ctx} submit={t('verify.submit')} />
      </PostForm>
      {result && <Result ctx={ctx} result={result} />}
    </Layout>
  );
}

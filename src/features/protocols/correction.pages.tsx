/** The corrections (rättelser, FL 36 §) shown with a final protocol, and the form to add one. */
import type { ViewContext } from '../../platform/views/context.js';
import { PostForm } from '../../platform/views/forms.js';
import type { ProtocolDocument } from './protocol.model.js';
import type { CorrectionView } from './correction.service.js';

export function Corrections({ ctx, meetingId, corrections, form }: { ctx: ViewContext; meetingId: string; corrections: CorrectionView[]; form?: ProtocolDocument | null }) {
  const { t } = ctx;
  const base = `/moten/${meetingId}/protokoll/rattelse`;
  if (corrections.length === 0 && !form) return null;
  return (
    <section aria-labelledby="rattelser" id="rattelser">
      <h2 id="rattelser-rubrik">{t('correction.title')}</h2>
      <p>{t('correction.intro')}</p>
      {corrections.length === 0 && <p>{t('correction.none')}</p>}
      {corrections.map((c) => (
        <article>
          <h3>{t('correction.heading', { number: c.number, date: c.date })}</h3>
          {c.paragraph && <p>{c.paragraph}</p>}
          <p style="white-space: pre-line">{c.correction}</p>
          <p>
            {t('correction.reason')}: {c.reason}
          </p>
          <p>
            {t('correction.decidedBy', { name: c.decidedBy })} · <a href={`${base}/${c.number}.pdf`}>{t('correction.pdf')}</a>
          </p>
        </article>
      ))}
      {form && (
        <PostForm ctx={ctx} action={base}>
          <h3>{t('correction.add')}</h3>
          <label for="correction-paragraph">{t('correction.paragraph')}</label>
          <select id="correction-paragraph" name="paragraphId">
            <option value="">{t('correction.header')}</option>
            {form.paragraphs.map((p) => (
              <option value={p.id}>{`§ ${p.number ?? '–'} ${p.heading}`}</option>
            ))}
          </select>
          <label for="correction-text">{t('correction.text')}</label>
          <textarea id="correction-text" name="correction" rows={4} required />
          <label for="correction-reason">{t('correction.reason')}</label>
          <textarea id="correction-reason" name="reason" rows={2} required />
          <button type="submit" class="secondary">
            {t('correction.add')}
          </button>
        </PostForm>
      )}
    </section>
  );
}

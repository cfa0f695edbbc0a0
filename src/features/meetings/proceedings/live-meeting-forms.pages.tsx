/** Small pieces every part of the live screen shares: one POST form per action, and its error. */
import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../../platform/views/context.js';
import { PostForm } from '../../../platform/views/forms.js';
import type { QuorumResult } from '../../../domain/index.js';

/** The form that was refused, shown again with its values and the reason. */
export interface LiveFailure {
  /** Which form: the last part of the action's path (e.g. `yrkande`). */
  form: string;
  values: Record<string, string>;
  message: string;
  fields: { field: string; message: string }[];
  /** The anchor of the part of the page the form is in. */
  anchor: string;
}

export interface LiveProps {
  ctx: ViewContext;
  meetingId: string;
  /** False once the meeting is closed or before it is opened: show, do not offer changes. */
  editable: boolean;
  failure: LiveFailure | undefined;
  /** The focused view of the current item (?vy=punkt): every form keeps it. */
  focus?: boolean;
}

export const liveBase = (meetingId: string) => `/moten/${meetingId}/sammantrade`;

/** A small POST form to one action of the live screen. */
export function ActionForm(props: { live: LiveProps; action: string; children: ComponentChildren; inline?: boolean; label?: string }) {
  return (
    <PostForm ctx={props.live.ctx} action={`${liveBase(props.live.meetingId)}/${props.action}`} class={props.inline ? 'inline-form' : undefined}>
      {props.live.focus && <input type="hidden" name="vy" value="punkt" />}
      {props.children}
    </PostForm>
  );
}

export function Hidden(props: { name: string; value: string }) {
  return <input type="hidden" name={props.name} value={props.value} />;
}

/** The value typed into a refused form, so that nothing typed is lost. */
export function typed(live: LiveProps, form: string, match: Record<string, string>, name: string, fallback = ''): string {
  const f = live.failure;
  if (!f || f.form !== form || Object.entries(match).some(([k, v]) => f.values[k] !== v)) return fallback;
  return f.values[name] ?? fallback;
}

/** The reason a form in this part of the page was refused, next to it. */
export function InlineError(props: { live: LiveProps; anchor: string }) {
  const f = props.live.failure;
  if (!f || f.anchor !== props.anchor) return null;
  return (
    <div class="error-summary" role="alert">
      <p>{f.message}</p>
      {f.fields.length > 0 && (
        <ul>
          {f.fields.map((x) => (
            <li>{x.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** "9 av 14 tjänstgör – beslutför: ja", in words, never colour alone (KL 6:27). */
export function QuorumText(props: { ctx: ViewContext; quorum: QuorumResult | null; seats: number; vacancies: number }) {
  const { t } = props.ctx;
  if (!props.quorum) return <span>{t('live.quorum.noSeats')}</span>;
  const { quorate, present, required } = props.quorum;
  return (
    <span>
      {t('live.quorum.serving', { present, seats: props.seats })}
      {props.vacancies > 0 && <> ({t('live.quorum.vacancies', { vacancies: props.vacancies })})</>} – <strong>{quorate ? t('live.quorum.yes') : t('live.quorum.no')}</strong>
      {!quorate && <> ({t('live.quorum.required', { required })})</>}
    </span>
  );
}

/** A multi-line text as paragraphs. */
export function Paragraphs(props: { text: string }) {
  return (
    <>
      {props.text
        .split(/\n{2,}|\r\n\r\n/)
        .filter((p) => p.trim())
        .map((p) => (
          <p style="white-space: pre-line">{p.trim()}</p>
        ))}
    </>
  );
}

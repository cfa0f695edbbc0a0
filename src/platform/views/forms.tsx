import type { ComponentChildren } from 'preact';
import type { FieldError } from '../errors.js';
import type { ViewContext } from './context.js';
import { CsrfField } from './layout.js';

/** Field values and errors of a form being shown again after bad input. */
export interface FormState {
  values: Record<string, string>;
  errors: readonly FieldError[];
}

export const emptyForm = (values: Record<string, string> = {}): FormState => ({ values, errors: [] });

function errorFor(state: FormState, name: string, ctx: ViewContext): string | undefined {
  const e = state.errors.find((x) => x.field === name);
  return e ? e.message[ctx.locale] : undefined;
}

/**
 * The list of problems at the top of a form; each links to its field. `labels` names the fields
 * so that "Fältet måste fyllas i" says which field.
 */
export function ErrorSummary({ ctx, state, labels = {} }: { ctx: ViewContext; state: FormState; labels?: Record<string, string> }) {
  if (state.errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      <p>{ctx.t('common.formErrors')}</p>
      <ul>
        {state.errors.map((e) => (
          <li>
            {e.field !== '_' ? (
              <a href={`#f-${e.field}`}>{labels[e.field] ? `${labels[e.field]}: ${e.message[ctx.locale]}` : e.message[ctx.locale]}</a>
            ) : (
              e.message[ctx.locale]
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  ctx: ViewContext;
  state: FormState;
  name: string;
  label: string;
  type?: string;
  required?: boolean;
  hint?: string;
  autocomplete?: string;
  inputMode?: 'numeric' | 'email' | 'tel' | 'text';
  /** The id of a `<datalist>` of suggestions (the field stays free text). */
  list?: string;
  /** Focus the field when the page opens: only where the page was opened to fill in this one field. */
  autofocus?: boolean;
}

/** A field's frame: label (with "required"), hint and error, then the control; ids `f-`, `h-`, `e-` + name. */
function Field(p: { ctx: ViewContext; name: string; label: string; required?: boolean; hint?: string; error: string | undefined; children: ComponentChildren }) {
  const { error } = p;
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={`f-${p.name}`}>
        {p.label}
        {p.required && <span class="req"> ({p.ctx.t('common.required')})</span>}
      </label>
      {p.hint && (
        <p class="hint" id={`h-${p.name}`}>
          {p.hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`e-${p.name}`}>
          {error}
        </p>
      )}
      {p.children}
    </div>
  );
}

/** The aria-describedby of a field: its hint and its error. */
const describedByOf = (p: { name: string; hint?: string }, error: string | undefined) => [p.hint ? `h-${p.name}` : '', error ? `e-${p.name}` : ''].filter(Boolean).join(' ') || undefined;

export function TextField(p: FieldProps) {
  const error = errorFor(p.state, p.name, p.ctx);
  return (
    <Field ctx={p.ctx} name={p.name} label={p.label} required={p.required} hint={p.hint} error={error}>
      <input
        id={`f-${p.name}`}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.type === 'password' ? '' : (p.state.values[p.name] ?? '')}
        required={p.required}
        autoComplete={p.autocomplete}
        inputMode={p.inputMode}
        list={p.list}
        autoFocus={p.autofocus}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedByOf(p, error)}
      />
    </Field>
  );
}

/** A multi-line text field with label, hint and error, like the other fields. */
export function TextAreaField(p: { ctx: ViewContext; state: FormState; name: string; label: string; hint?: string; rows?: number; required?: boolean }) {
  const error = errorFor(p.state, p.name, p.ctx);
  return (
    <Field ctx={p.ctx} name={p.name} label={p.label} required={p.required} hint={p.hint} error={error}>
      <textarea id={`f-${p.name}`} name={p.name} rows={p.rows ?? 4} aria-invalid={error ? 'true' : undefined} aria-describedby={describedByOf(p, error)}>
        {p.state.values[p.name] ?? ''}
      </textarea>
    </Field>
  );
}

export function SelectField(p: FieldProps & { options: { value: string; label: string }[]; empty?: string }) {
  const error = errorFor(p.state, p.name, p.ctx);
  const current = p.state.values[p.name] ?? '';
  // A select shows no hint: its options say what may be chosen.
  return (
    <Field ctx={p.ctx} name={p.name} label={p.label} required={p.required} error={error}>
      <select id={`f-${p.name}`} name={p.name} required={p.required} aria-invalid={error ? 'true' : undefined} aria-describedby={describedByOf({ name: p.name }, error)}>
        {p.empty !== undefined && <option value="">{p.empty}</option>}
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function CheckboxField(p: { ctx: ViewContext; state: FormState; name: string; label: string }) {
  const checked = ['on', 'true', '1'].includes(p.state.values[p.name] ?? '');
  return (
    <div class="field field--checkbox">
      <input type="checkbox" id={`f-${p.name}`} name={p.name} value="on" checked={checked} />
      <label for={`f-${p.name}`}>{p.label}</label>
    </div>
  );
}

export function PostForm(props: { ctx: ViewContext; action: string; children: ComponentChildren; class?: string; multipart?: boolean }) {
  return (
    <form method="post" action={props.action} class={props.class} novalidate encType={props.multipart ? 'multipart/form-data' : undefined}>
      {/* First in the form: a multipart form's token must arrive before its file. */}
      <CsrfField ctx={props.ctx} />
      {props.children}
    </form>
  );
}

/**
 * The buttons under a form: submit (labelled "Spara" unless `submit` names it; `kind` "danger" for
 * what cannot be undone, "secondary" beside a page's main form) and, with `cancelHref`, the way
 * back without saving; `children` add more after them.
 */
export function FormActions(p: { ctx: ViewContext; submit?: string; kind?: 'danger' | 'secondary'; cancelHref?: string; children?: ComponentChildren }) {
  return (
    <div class="actions">
      <button type="submit" class={p.kind}>
        {p.submit ?? p.ctx.t('common.save')}
      </button>
      {p.cancelHref !== undefined && <a href={p.cancelHref}>{p.ctx.t('common.cancel')}</a>}
      {p.children}
    </div>
  );
}

/**
 * A form folded away under its name until it is opened (or shown again after bad input): the
 * summary and the submit button say the same; `intro` stands above the list of problems.
 */
export function FoldedForm(p: { ctx: ViewContext; name: ComponentChildren; open: boolean; action: string; state: FormState; intro?: ComponentChildren; children: ComponentChildren }) {
  return (
    <details open={p.open}>
      <summary>{p.name}</summary>
      {p.intro}
      <PostForm ctx={p.ctx} action={p.action}>
        <ErrorSummary ctx={p.ctx} state={p.state} />
        {p.children}
        <button type="submit">{p.name}</button>
      </PostForm>
    </details>
  );
}

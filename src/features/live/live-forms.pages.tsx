/** The live room's one-button forms: each action of a member or the chair is a plain POST that works without JavaScript. */
import type { ViewContext } from '../../platform/views/context.js';
import { PostForm } from '../../platform/views/forms.js';

/**
 * A form of one button posting to `action`: the hidden fields first, then the button, which may
 * carry a value of its own (`name`/`value`); `secondary` for the lesser choice, `aria` for a
 * label naming whom the button acts on.
 */
export function PostButton(props: { ctx: ViewContext; action: string; label: string; hidden?: Record<string, string>; name?: string; value?: string; secondary?: boolean; aria?: string }) {
  return (
    <PostForm ctx={props.ctx} action={props.action}>
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" name={props.name} value={props.value} class={props.secondary ? 'button button--secondary' : 'button'} aria-label={props.aria}>
        {props.label}
      </button>
    </PostForm>
  );
}

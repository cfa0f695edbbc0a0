import type { ComponentChildren } from 'preact';

/** The items as a bulleted list, or the sentence `none` when there are none. */
export function ListOrNone<T>(p: { items: readonly T[]; none: ComponentChildren; item: (value: T) => ComponentChildren }) {
  if (p.items.length === 0) return <p>{p.none}</p>;
  return (
    <ul>
      {p.items.map((value) => (
        <li>{p.item(value)}</li>
      ))}
    </ul>
  );
}

/** A list of links (`cards`: the start pages' tiles). */
export function LinkList(p: { links: readonly { href: string; label: ComponentChildren }[]; class?: string }) {
  return (
    <ul class={p.class}>
      {p.links.map((link) => (
        <li>
          <a href={link.href}>{link.label}</a>
        </li>
      ))}
    </ul>
  );
}

/** A heading over a bulleted list of texts, or nothing at all when there are none (a paragraph's recipients). */
export function HeadedList(p: { heading: string; items: readonly string[] }) {
  if (p.items.length === 0) return null;
  return (
    <>
      <h3>{p.heading}</h3>
      <ul>
        {p.items.map((text) => (
          <li>{text}</li>
        ))}
      </ul>
    </>
  );
}

/** Attributes of {@link h}: properties and `on*` listeners; `data-*` and `aria-*` become attributes. */
export type Attrs = Record<string, unknown>;
type Child = Node | string | number | false | null | undefined;

/** Makes an element: a few lines instead of a framework, since PAM's screens are lists and forms. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false || value === null) continue;
    if (name.startsWith("on") && typeof value === "function") {
      el.addEventListener(name.slice(2).toLowerCase(), value as EventListener);
    } else if (name.startsWith("data-") || name.startsWith("aria-") || name === "for") {
      el.setAttribute(name, String(value));
    } else {
      (el as unknown as Record<string, unknown>)[name] = value;
    }
  }
  for (const child of children.flat()) {
    if (child === false || child === null || child === undefined) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** Replaces an element's children. */
export function fill(el: Element, ...children: (Child | Child[])[]): void {
  el.replaceChildren(
    ...children
      .flat()
      .flatMap((c) => (c === false || c === null || c === undefined ? [] : [c instanceof Node ? c : String(c)])),
  );
}

/** Bytes as people read them. */
export function formatBytes(n: number): string {
  if (n >= 2 ** 20) return `${(n / 2 ** 20).toFixed(1)} MB`;
  if (n >= 2 ** 10) return `${(n / 2 ** 10).toFixed(0)} KB`;
  return `${n} B`;
}

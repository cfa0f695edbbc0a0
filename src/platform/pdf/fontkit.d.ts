/** The little of fontkit (pdfkit's font engine) that fonts.ts uses. */
declare module 'fontkit' {
  /** A parsed font; pdfkit takes any object with a `layout` method as a font. */
  export interface Font {
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array): Font;
}

/** fontkit (pdfkit's font engine) ships no types; Kansli only hands its parsed fonts to pdfkit. */
declare module 'fontkit' {
  export function create(buffer: Uint8Array, postscriptName?: string): object;
}

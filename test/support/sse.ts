/** Server-sent events as a test reads them from a streaming `fetch` response. */
import assert from 'node:assert/strict';

export interface SseFrame {
  id?: string;
  event?: string;
  data?: string;
}

/** The frames of an event stream as they come; comments and frames without data are skipped. */
export async function* sseFrames(response: Response): AsyncGenerator<SseFrame> {
  const reader = response.body?.getReader();
  assert.ok(reader);
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let at: number;
    while ((at = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, at);
      buffer = buffer.slice(at + 2);
      const frame: Record<string, string> = {};
      for (const line of block.split('\n')) {
        const colon = line.indexOf(':');
        if (colon <= 0) continue;
        frame[line.slice(0, colon)] = line.slice(colon + 1).trimStart();
      }
      if (frame.data !== undefined) yield frame;
    }
  }
}

/** The live meeting's stream: each frame's id and its data as JSON (the page parts that changed). */
export async function* liveFrames<T = { phase: string; parts: Record<string, string> }>(response: Response): AsyncGenerator<{ id: string; data: T }> {
  for await (const frame of sseFrames(response)) yield { id: frame.id ?? '', data: JSON.parse(frame.data ?? 'null') as T };
}

/** The notice board as open data: the response schema of /api/v1 (publication.api.ts) and the type `boardJson` returns. */
import { z } from 'zod';

const ZDay = z.iso.date().describe('YYYY-MM-DD');

export const ZApiPublicNotice = z.strictObject({
  id: z.uuid(),
  current: z.boolean().describe('`true` while the notice is up on the board; `false` for an earlier notice, taken down after the appeal period'),
  committee: z.string().describe('The joint committee (gemensam nämnd)'),
  body: z.string().describe('The body whose protocol was adjusted'),
  meetingDate: ZDay.describe('The day of the meeting (YYYY-MM-DD)'),
  justeredOn: ZDay.describe('The day the protocol was adjusted, justerat (YYYY-MM-DD)'),
  postedOn: ZDay.describe('The day the notice went up on this board (YYYY-MM-DD)'),
  appealStartsOn: ZDay.nullable().describe('First day of the appeal period (KL 13:5); `null` until every member municipality has posted the notice'),
  lastDayToAppeal: ZDay.nullable().describe('Last day to appeal (laglighetsprövning, KL 13:5); `null` until the period is known'),
  takeDownOn: ZDay.nullable().describe('First day the notice may come down (KL 8:12); `null` until the appeal period is known'),
  keptAt: z.string().describe('Where the protocol is kept (KL 8:12)'),
  protocolUrl: z.url().describe('The public protocol as a web page'),
  pdfUrl: z.url().describe('The protocol as PDF'),
});

export const ZApiNoticeBoard = z.strictObject({
  municipality: z.strictObject({ slug: z.string(), name: z.string() }),
  board: z.url().describe('The notice board as a web page'),
  notices: z.array(ZApiPublicNotice).describe('The notices up now, then the earlier ones'),
});

export type TApiNoticeBoard = z.infer<typeof ZApiNoticeBoard>;

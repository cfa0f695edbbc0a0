/** The board as open data: an Atom feed (the `feed` package) and a JSON list, built from the public notices. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Feed } from 'feed';
import type { Services } from '../../services.js';
import type { PublicNotice } from './publication.service.js';
import type { TApiNoticeBoard } from './board.schema.js';
import { boardPaths } from './board.pages.js';
import { stripXmlControlChars } from '../../platform/control-chars.js';

/** The site's own address for absolute links (feeds, embedding): configured, or as the request came. */
export function originOf(request: FastifyRequest, services: Services): string {
  return (services.config.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');
}

/** Open data may be read from any site (a municipality's own web page); caching as every public page (http-cache.ts). */
export const openData = (reply: FastifyReply) => reply.header('access-control-allow-origin', '*');

interface BoardData {
  municipality: { slug: string; name: string };
  current: PublicNotice[];
  earlier: PublicNotice[];
}

const EPOCH = new Date(0);

function summary(n: PublicNotice): string {
  const appeal = n.lastDayToAppeal
    ? `Sista dag att överklaga: ${n.lastDayToAppeal}. Anslaget tas ned tidigast ${n.takeDownOn ?? ''}.`
    : 'Överklagandetiden börjar när protokollet har anslagits hos alla medlemskommuner.';
  return `${n.bodyName}, sammanträde ${n.meetingDate}. Protokollet justerades ${n.justeredOn} och anslogs ${n.postedOn}. ${appeal} Protokollet förvaras hos ${n.keptAt}.`;
}

/** Atom 1.0 of the notices up now; entries link to the public protocol. */
export function boardAtom(board: BoardData, origin: string): string {
  const paths = boardPaths(board.municipality.slug);
  const updated = board.current.reduce((latest, n) => (n.updatedAt > latest ? n.updatedAt : latest), EPOCH);
  const feed = new Feed({
    title: `Anslagstavla – ${board.municipality.name}`,
    description: `Tillkännagivanden om justerade protokoll på ${board.municipality.name}s anslagstavla`,
    id: `${origin}${paths.page}`,
    link: `${origin}${paths.page}`,
    language: 'sv',
    updated,
    generator: 'Kansli',
    copyright: 'Allmän handling',
    feedLinks: { atom: `${origin}${paths.atom}`, json: `${origin}${paths.json}` },
  });
  for (const n of board.current) {
    feed.addItem({
      title: `Justering av protokoll – ${n.bodyName}, sammanträde ${n.meetingDate}`,
      id: `${origin}${paths.page}#anslag-${n.id}`,
      link: `${origin}${n.protocolPath}`,
      date: n.updatedAt,
      published: new Date(`${n.postedOn}T00:00:00Z`),
      description: summary(n),
    });
  }
  return stripXmlControlChars(feed.atom1());
}

/** The JSON list: the notices up now and the earlier ones, with every date as YYYY-MM-DD (described by `ZApiNoticeBoard`). */
export function boardJson(board: BoardData, origin: string): TApiNoticeBoard {
  const present = (n: PublicNotice, current: boolean): TApiNoticeBoard['notices'][number] => ({
    id: n.id,
    current,
    committee: n.committeeName,
    body: n.bodyName,
    meetingDate: n.meetingDate,
    justeredOn: n.justeredOn,
    postedOn: n.postedOn,
    appealStartsOn: n.appealStartsOn,
    lastDayToAppeal: n.lastDayToAppeal,
    takeDownOn: n.takeDownOn,
    keptAt: n.keptAt,
    protocolUrl: `${origin}${n.protocolPath}`,
    pdfUrl: `${origin}${n.pdfPath}`,
  });
  return {
    municipality: board.municipality,
    board: `${origin}${boardPaths(board.municipality.slug).page}`,
    notices: [...board.current.map((n) => present(n, true)), ...board.earlier.map((n) => present(n, false))],
  };
}

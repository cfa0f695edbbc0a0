/**
 * The link in a registrar's e-mail (/anslag/<notice id>): the one notice whose posting the
 * registrar records. Someone who may not record it — the registrar of another municipality — gets
 * a page that says whose notice it is and where their own are, not a bare "forbidden".
 */
import type { Db } from '../../platform/db/database.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { requirePrincipal, type Principal } from '../../platform/auth/policy.js';
import * as repo from './publication.repository.js';

const NOTICE_NOT_FOUND = { sv: 'Anslaget finns inte. Det kan ha tagits bort; se dina anslag under Anslag att registrera.', en: 'The notice does not exist. It may have been removed; see your notices under Notices to record.' };

/**
 * `/anslag?registrera=<id>`: the registrar's list with that notice's form open and its date
 * focused (which scrolls to it). No #fragment: a browser ignores autofocus on a page opened at one.
 */
export function recordPostingPath(noticeId: string): string {
  return `/anslag?registrera=${noticeId}`;
}

/** Where the link leads: the notice in the registrar's list, its form open; refused with the municipality named when it is not theirs. */
export async function resolveNoticeLink(db: Db, principal: Principal | null, noticeId: string): Promise<string> {
  requirePrincipal(principal, 'publication.recordPosting');
  const notice = await repo.findNotice(db, noticeId);
  if (!notice) throw notFound(NOTICE_NOT_FOUND);
  const context = await repo.findProtocolContext(db, notice.protocolId);
  if (!context) throw notFound(NOTICE_NOT_FOUND);
  const allowed = principal.grants.some((g) => (g.role === 'registrar' && g.organisationId === notice.organisationId) || (g.role === 'secretary' && g.organisationId === context.committee.id));
  if (allowed) return recordPostingPath(notice.id);
  const owner = (await repo.findOrganisation(db, notice.organisationId))?.name ?? '';
  const own = await Promise.all(principal.grants.filter((g) => g.role === 'registrar').map(async (g) => (await repo.findOrganisation(db, g.organisationId))?.name ?? ''));
  const yours = own.filter(Boolean).join(', ');
  throw new DomainError('FORBIDDEN', {
    userMessage: {
      sv: `Anslaget gäller ${owner} och registreras av registratorn där. ${yours ? `Du registrerar anslag för ${yours}; dina anslag finns under Anslag att registrera.` : 'Du registrerar inte anslag för någon kommun.'}`,
      en: `The notice is ${owner}'s and is recorded by its registrar. ${yours ? `You record notices for ${yours}; yours are under Notices to record.` : 'You do not record notices for any municipality.'}`,
    },
  });
}

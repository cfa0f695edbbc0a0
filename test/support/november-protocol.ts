/**
 * The protocol most publication and portal tests need: a joint committee's meeting on Wednesday
 * 2026-11-18, adjusted (made final) a week later, on 2026-11-25 at 14:00 Swedish time.
 */
import type { Services } from '../../src/services.js';
import { buildFinalProtocol, type buildJointCommittee } from './publication-fixtures.js';

type JointCommittee = Awaited<ReturnType<typeof buildJointCommittee>>;
type Paragraphs = Parameters<typeof buildFinalProtocol>[1]['paragraphs'];

/**
 * The final protocol of `org`'s 2026-11-18 meeting: of its committee body unless `bodyId`, chaired
 * and adjusted by people of its first member municipality unless `municipalityId`, with
 * buildFinalProtocol's one paragraph unless `paragraphs`.
 */
export function buildNovemberProtocol(services: Services, org: JointCommittee, options: { bodyId?: string; municipalityId?: string; paragraphs?: Paragraphs } = {}) {
  return buildFinalProtocol(services, {
    committeeId: org.committee.id,
    bodyId: options.bodyId ?? org.body.id,
    municipalityId: options.municipalityId ?? org.members[0]?.id ?? '',
    meetingAt: new Date('2026-11-18T12:00:00Z'),
    justerAt: new Date('2026-11-25T13:00:00Z'),
    paragraphs: options.paragraphs,
  });
}

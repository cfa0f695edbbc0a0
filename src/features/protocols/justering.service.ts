import { createHash } from 'node:crypto';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import type { Config } from '../../platform/config/config.js';
import type { Database, Db } from '../../platform/db/database.js';
import type { ProtocolParagraphRow } from './protocols.tables.js';
import { recordAudit, canonicalJson } from '../../platform/audit/audit.js';
import * as jrepo from './justering.repository.js';
import { DomainError, conflict, notFound } from '../../platform/errors.js';
import { swedishDate, type Clock } from '../../platform/clock.js';
import { isJusteringLate, justeringDeadline } from '../../domain/justering.js';
import { actorOf } from '../auth/auth.service.js';
import * as authRepo from '../auth/auth.repository.js';
import { assertCan, scopeOf, type Principal } from '../../platform/auth/policy.js';
import { databaseFileStorage, type FileStorage } from '../registry/file-storage.js';
import { digestVersionOf, protocolDigest, type DigestVersion, type ProtocolDocument } from './protocol.model.js';
import { createProtocolSealer, type ProtocolSealer, type SealedProtocolFiles } from './protocol-sealer.js';
import { loadProtocol } from './protocol-build.js';
import { storeSnapshot } from './protocol-snapshot.js';
import { createWebauthn, listCredentials, type RelyingParty } from './webauthn.js';
import { createPasskeyAccount } from './passkeys.service.js';
import { accountChangesBefore } from './signer-changes.js';
import { signatureMethod } from './signature-method.js';
import { confirmTotpCode } from '../auth/step-up.js';
import { createNoticesOnFinal, createParagraphNotices } from '../publication/create-notices.js';
import { FRESH_SIGN_IN_SECONDS, type EidAssurance } from '../auth/oidc.service.js';
import { LOA3, meetsAssuranceLevel } from '../../domain/assurance.js';
import type { PdfSignature } from './protocol-pdf.js';
import type { TaskNotifier } from '../tasks/task-notifier.js';
import { signerRolesOf, signersOf, type SignerRole } from './signers.js';

/**
 * A signature needs the signer's own second factor (issue 15): a passkey assertion over the
 * digest, a TOTP code with the digest the signer saw, or a fresh Swedish e-ID sign-in at the
 * level the committee requires (issue 22). A password alone never signs.
 */
export type SignInput = { method: 'passkey'; assertion: string } | { method: 'totp'; code: string; sha256: string } | { method: 'e-id'; assurance: EidAssurance };

const notSigner = () =>
  new DomainError('FORBIDDEN', {
    userMessage: {
      sv: 'Bara protokollets ordförande och den utsedda justeraren kan justera protokollet. Du är ingen av dem för det här sammanträdet.',
      en: 'Only the chair and the appointed adjuster can adjust this protocol. You are neither for this meeting.',
    },
  });

const notLocked = () =>
  conflict({
    sv: 'Protokollet kan inte justeras: det är inte låst för justering (eller redan justerat).',
    en: 'The protocol cannot be adjusted: it is not locked for adjustment (or already adjusted).',
  });

const alreadySigned = () => conflict({ sv: 'Du har redan signerat.', en: 'You have already signed.' });

export const secondFactorRequired = () =>
  new DomainError('INVALID_INPUT', {
    userMessage: {
      sv: 'Lösenordet räcker inte för att justera. Signera med din passkey eller med en kod från din autentiseringsapp (TOTP). Har du ingen av dem, registrera en själv under Mitt konto.',
      en: 'The password is not enough to adjust. Sign with your passkey or with a code from your authenticator app (TOTP). If you have neither, register one yourself under My account.',
    },
  });

const changedSinceShown = () =>
  conflict({
    sv: 'Kontrollsumman du såg stämmer inte med protokollet. Ladda om sidan och kontrollera protokollet igen innan du signerar.',
    en: 'The checksum you saw does not match the protocol. Reload the page and check the protocol again before signing.',
  });

const eidNeeded = () =>
  new DomainError('INVALID_INPUT', {
    userMessage: {
      sv: 'Nämnden kräver att justeringen signeras med e-legitimation. Välj "Signera med e-legitimation".',
      en: 'The committee requires the justering to be signed with e-ID. Choose "Sign with e-ID".',
    },
  });

const eidNotAccepted = (why: string) =>
  new DomainError('UNAUTHENTICATED', {
    message: `e-ID signing refused: ${why}`,
    userMessage: {
      sv: 'Inloggningen med e-legitimation kunde inte användas för den här signeringen. Signera igen med din e-legitimation.',
      en: 'The e-ID sign-in could not be used for this signing. Sign again with your e-ID.',
    },
  });

/** The level of assurance the committee requires for justering (organisation settings `justeringAcr`), or null. */
export function requiredAssurance(settings: Record<string, unknown>): string | null {
  return typeof settings.justeringAcr === 'string' && settings.justeringAcr ? settings.justeringAcr : null;
}

/** Upper-case hex SHA-256 over one paragraph's content, for immediate justering of that paragraph alone. */
export function paragraphDigest(row: ProtocolParagraphRow): string {
  const content = {
    protocolId: row.protocolId,
    paragraphId: row.id,
    number: row.number,
    heading: row.heading,
    caseNumber: row.caseNumber,
    decision: row.decision,
    summary: row.summary,
    handling: row.handling,
    decisionBasis: row.decisionBasis,
    recipients: row.recipients,
    secrecyProvision: row.secrecyProvision,
  };
  return createHash('sha256').update(canonicalJson(content)).digest('hex').toUpperCase();
}

const changedSinceLocked = () =>
  conflict({ sv: 'Protokollet har ändrats sedan det låstes och kan inte justeras.', en: 'The protocol has changed since it was locked and cannot be adjusted.' });

export function createJusteringService(deps: { database: Database; config: Config; clock: Clock; storage?: FileStorage; sealer?: ProtocolSealer; notifier?: Pick<TaskNotifier, 'protocolFinal'> }) {
  const { database, clock } = deps;
  const db = database.db;
  const storage = deps.storage ?? databaseFileStorage;
  const webauthn = createWebauthn({ db, clock });
  let sealer = deps.sealer;
  const sealerOf = () => (sealer ??= createProtocolSealer(deps.config));

  /**
   * The final protocol's document and both sealed PDFs, rendered once before the transaction
   * that makes it final (sealing may ask a time-stamping service); the document must still have
   * the digest the signers signed, in the canonical form it was locked with. It prints the day
   * of the last signature (`signingTime`, Swedish date) as the day of justering.
   */
  async function prepareFinal(protocolId: string, signed: { digest: string; version: DigestVersion }, signingTime: Date, signatures: PdfSignature[]): Promise<Prepared> {
    const live = await loadProtocol(db, protocolId);
    if (!live) throw notFound();
    const document: ProtocolDocument = { ...live, status: 'final', justeredOn: swedishDate(signingTime) };
    if (protocolDigest(document, signed.version) !== signed.digest) throw changedSinceLocked();
    return { document, files: await sealerOf().sealProtocol(document, { signingTime, digest: signed.digest, signatures }) };
  }

  async function protocolRow(protocolId: string) {
    const row = await jrepo.findProtocolForJustering(db, protocolId);
    if (!row) throw notFound({ sv: 'Protokollet finns inte.', en: 'The protocol does not exist.' });
    return row;
  }

  /** Which roles the user holds for this protocol, by the person the account is linked to. */
  async function rolesOf(principal: Principal, row: Awaited<ReturnType<typeof protocolRow>>): Promise<SignerRole[]> {
    const user = await authRepo.findUserById(db, principal.userId);
    const personId = user?.personId;
    if (!personId) return [];
    return signerRolesOf(personId, row.protocol, row.meeting);
  }

  const meetingDateOf = (row: Awaited<ReturnType<typeof protocolRow>>) => swedishDate(row.meeting.startsAt);

  async function signaturesOf(tx: Db, protocolId: string, paragraphId: string | null) {
    const rows = await jrepo.listSignaturesWithAccounts(tx, protocolId, paragraphId);
    return rows.map((r) => ({ ...r, method: signatureMethod(r.method) }));
  }

  /** Signatures as the justering record shows them: with the changes to each signer's account in the 30 days before. */
  async function signaturesWithChanges(protocolId: string, paragraphId: string | null) {
    const rows = await signaturesOf(db, protocolId, paragraphId);
    return Promise.all(rows.map(async (s) => ({ ...s, accountChanges: await accountChangesBefore(db, s.userId, s.signedAt) })));
  }

  /** What is signed (protocol digest or paragraph digest) and by which role the user signs now. */
  async function target(principal: Principal, protocolId: string, paragraphId: string | null) {
    const row = await protocolRow(protocolId);
    assertCan(principal, 'protocol.sign', scopeOf([row.committeeId]));
    const roles = await rolesOf(principal, row);
    if (roles.length === 0) throw notSigner();
    const signed = await signaturesOf(db, protocolId, paragraphId);
    const role = roles.find((r) => !signed.some((s) => s.role === r));
    if (!role) throw alreadySigned();
    if (paragraphId) {
      const paragraph = await jrepo.findParagraphOf(db, protocolId, paragraphId);
      if (!paragraph) throw notFound();
      if (row.protocol.status === 'final' || !paragraph.immediateJustering || paragraph.adjustedAt) {
        throw conflict({ sv: 'Paragrafen kan inte justeras omedelbart.', en: 'The paragraph cannot be adjusted immediately.' });
      }
      return { row, role, digest: paragraphDigest(paragraph), signed };
    }
    if (row.protocol.status !== 'locked' || !row.protocol.canonicalSha256) throw notLocked();
    return { row, role, digest: row.protocol.canonicalSha256, signed };
  }

  const purposeOf = (protocolId: string, paragraphId: string | null) => `sign:${protocolId}:${paragraphId ?? 'protocol'}`;

  /** The signer's own TOTP code, once, counted like sign-ins; the digest they saw must be the one signed. */
  async function checkTotpSignature(principal: Principal, input: { code: string; sha256: string }, digest: string): Promise<void> {
    if (input.sha256.trim().toUpperCase() !== digest) throw changedSinceShown();
    await confirmTotpCode({ db, config: deps.config, clock }, principal.userId, input.code, secondFactorRequired);
  }

  /** The e-ID sign-in must be this user's, for this very signing, fresh, and at the level required. */
  async function checkEid(principal: Principal, assurance: EidAssurance, purpose: string, required: string): Promise<void> {
    const user = await authRepo.findUserById(db, principal.userId);
    if (assurance.userId !== principal.userId || !user?.personId || assurance.personId !== user.personId) throw eidNotAccepted('another person');
    if (assurance.purpose !== purpose) throw eidNotAccepted('started for another signing');
    const age = (clock().getTime() - assurance.authenticatedAt.getTime()) / 1000;
    if (age > FRESH_SIGN_IN_SECONDS + deps.config.oidc.clockToleranceSeconds) throw eidNotAccepted('not a fresh sign-in');
    if (!meetsAssuranceLevel(assurance.acr, required)) {
      throw new DomainError('FORBIDDEN', {
        message: `e-ID signing refused: acr ${assurance.acr} below ${required}`,
        userMessage: { sv: 'E-legitimationen har för låg tillitsnivå för justering.', en: 'The e-ID has too low a level of assurance for justering.' },
      });
    }
  }

  return {
    /** The justering page: digest, deadline, whether today is late, signatures, and what the user may sign. */
    async overview(principal: Principal, protocolId: string) {
      const row = await protocolRow(protocolId);
      assertCan(principal, 'protocol.sign', scopeOf([row.committeeId]));
      const roles = await rolesOf(principal, row);
      if (roles.length === 0) throw notSigner();
      const meetingDate = meetingDateOf(row);
      const today = swedishDate(clock());
      const signatures = await signaturesWithChanges(protocolId, null);
      const paragraphs = await jrepo.listImmediateParagraphs(db, protocolId);
      const immediate = await Promise.all(
        paragraphs.map(async (p) => {
          const signed = await signaturesWithChanges(protocolId, p.id);
          return { id: p.id, number: p.number, heading: p.heading, adjustedAt: p.adjustedAt, digest: paragraphDigest(p), signatures: signed, maySign: !p.adjustedAt && row.protocol.status !== 'final' && roles.some((r) => !signed.some((s) => s.role === r)) };
        }),
      );
      const chair = row.protocol.chairPersonId ? await jrepo.findPersonName(db, row.protocol.chairPersonId) : undefined;
      const adjusterId = signersOf(row.protocol, row.meeting).adjuster;
      const adjuster = adjusterId ? await jrepo.findPersonName(db, adjusterId) : undefined;
      return {
        protocolId,
        bodyName: row.bodyName,
        meetingId: row.meeting.id,
        meetingDate,
        status: row.protocol.status,
        digest: row.protocol.canonicalSha256,
        finalAt: row.protocol.finalAt,
        deadline: justeringDeadline({ meetingDate }),
        today,
        lateToday: today >= meetingDate && isJusteringLate({ meetingDate, justeringDate: today }),
        chairName: chair?.name ?? null,
        adjusterName: adjuster?.name ?? null,
        myRoles: roles,
        signatures,
        maySign: row.protocol.status === 'locked' && roles.some((r) => !signatures.some((s) => s.role === r)),
        hasPasskey: (await listCredentials(db, principal.userId)).length > 0,
        hasTotp: (await authRepo.findUserById(db, principal.userId))?.totpEnabled ?? false,
        /** The level of assurance the committee requires (then only e-ID signs), or null. */
        eidRequired: requiredAssurance(row.committeeSettings),
        eidProvider: deps.config.oidc.providers.find((p) => p.match === 'personnummer')?.name ?? null,
        immediate,
      };
    },

    /** WebAuthn options whose challenge carries the digest to sign and a one-time nonce. */
    async passkeyOptions(principal: Principal, protocolId: string, paragraphId: string | null, rp: RelyingParty): Promise<PublicKeyCredentialRequestOptionsJSON> {
      const { digest } = await target(principal, protocolId, paragraphId);
      if ((await listCredentials(db, principal.userId)).length === 0) {
        throw new DomainError('INVALID_INPUT', { userMessage: { sv: 'Du har ingen passkey registrerad.', en: 'You have no passkey registered.' } });
      }
      return webauthn.signingOptions(principal.userId, digest, purposeOf(protocolId, paragraphId), rp);
    },

    /**
     * Sign as chair or adjuster. The whole protocol becomes final, with its sealed PDF, in the
     * transaction that records the second signature; a paragraph signed by both gets adjusted_at.
     */
    async sign(
      principal: Principal,
      protocolId: string,
      input: SignInput & { paragraphId?: string | null },
      rp: RelyingParty,
    ): Promise<{ role: SignerRole; late: boolean; final: boolean; adjusted: boolean }> {
      const paragraphId = input.paragraphId ?? null;
      const { row, role, digest, signed } = await target(principal, protocolId, paragraphId);
      let credentialId: string | null = null;
      const eidRequired = requiredAssurance(row.committeeSettings);
      if (input.method === 'e-id') {
        await checkEid(principal, input.assurance, purposeOf(protocolId, paragraphId), eidRequired ?? LOA3);
      } else if (eidRequired) {
        throw eidNeeded();
      } else if (input.method === 'passkey') {
        credentialId = await webauthn.verifySigning(principal.userId, input.assertion, digest, purposeOf(protocolId, paragraphId), rp);
      } else if (input.method === 'totp') {
        await checkTotpSignature(principal, input, digest);
      } else {
        throw secondFactorRequired();
      }
      const now = clock();
      const meetingDate = meetingDateOf(row);
      const late = isJusteringLate({ meetingDate, justeringDate: swedishDate(now) });

      // The files are made before the transaction: a final protocol can never be updated afterwards.
      const completes = (roles: { role: string }[]) => ['chair', 'adjuster'].every((r) => r === role || roles.some((s) => s.role === r));
      const eid = input.method === 'e-id' ? { assuranceProvider: input.assurance.providerName, assuranceLevel: input.assurance.acr, authenticatedAt: input.assurance.authenticatedAt } : { assuranceProvider: null, assuranceLevel: null, authenticatedAt: null };
      // The sealed PDFs name every signature, this one included, with its method and time.
      const pdfSignatures = (existing: Awaited<ReturnType<typeof signaturesOf>>): PdfSignature[] => [
        ...existing.map((s) => ({ role: s.role, method: s.method, signedAt: s.signedAt, assuranceProvider: s.assuranceProvider, assuranceLevel: s.assuranceLevel })),
        { role, method: input.method, signedAt: now, assuranceProvider: eid.assuranceProvider, assuranceLevel: eid.assuranceLevel },
      ];
      let preparedFor = signed;
      const locked = { digest, version: digestVersionOf(row.protocol.digestVersion) };
      let prepared: Prepared | undefined = !paragraphId && completes(signed) ? await prepareFinal(protocolId, locked, now, pdfSignatures(signed)) : undefined;

      for (let attempt = 0; ; attempt += 1) {
        try {
          const result = await db.transaction(async (tx) => {
            const current = await jrepo.findProtocolForUpdate(tx, protocolId);
            if (!current) throw notFound();
            if (paragraphId ? current.status === 'final' : current.status !== 'locked' || current.canonicalSha256 !== digest || current.digestVersion !== locked.version) throw notLocked();
            const existing = await signaturesOf(tx, protocolId, paragraphId);
            if (existing.some((s) => s.role === role)) throw alreadySigned();
            const done = completes(existing);
            if (done && !paragraphId && (prepared === undefined || existing.length !== preparedFor.length)) {
              preparedFor = existing;
              throw new NeedPdf();
            }
            await jrepo.insertSignature(tx, { protocolId, paragraphId, personId: (await authRepo.findUserById(tx, principal.userId))?.personId ?? null, userId: principal.userId, role, method: input.method, sha256: digest, credentialId, signedAt: now, late, ...eid });
            let sealedSha: string | null = null;
            if (done && paragraphId) {
              await jrepo.markParagraphAdjusted(tx, paragraphId, now);
              await createParagraphNotices(tx, { protocolId, paragraphId, at: now, actor: actorOf(principal) });
            } else if (done && prepared) {
              // Frozen in this transaction: the document as the tables hold it now must be the one sealed.
              const current = await loadProtocol(tx, protocolId);
              if (!current || protocolDigest({ ...current, status: 'final' }, locked.version) !== digest) throw changedSinceLocked();
              const frozen = await storeSnapshot(tx, { protocolId, document: prepared.document, digestVersion: locked.version, files: prepared.files, origin: 'justering', at: now, storage });
              sealedSha = frozen.fullPdfSha256;
              await jrepo.markProtocolFinal(tx, protocolId, { finalAt: now, sealedPdfSha256: frozen.fullPdfSha256, publicPdfSha256: frozen.publicPdfSha256 });
              await createNoticesOnFinal(tx, { protocolId, at: now, actor: actorOf(principal) });
            }
            await recordAudit(
              tx,
              actorOf(principal),
              { action: paragraphId ? 'protocol.paragraph.sign' : 'protocol.sign', entity: 'protocol', entityId: protocolId, after: { role, method: input.method, assuranceProvider: eid.assuranceProvider, assuranceLevel: eid.assuranceLevel, sha256: digest, late, paragraphId, final: done && !paragraphId, sealedPdfSha256: sealedSha }, organisationId: row.committeeId },
              now,
            );
            return { role, late, final: done && !paragraphId, adjusted: done && Boolean(paragraphId) };
          });
          // After the commit: registrars who post by hand are told; a mail problem never undoes the justering.
          if (result.final) await deps.notifier?.protocolFinal(protocolId);
          return result;
        } catch (error) {
          if (!(error instanceof NeedPdf) || attempt > 0) throw error;
          prepared = await prepareFinal(protocolId, locked, now, pdfSignatures(preparedFor));
        }
      }
    },

    ...createPasskeyAccount(deps),
  };
}

class NeedPdf extends Error {}

interface Prepared {
  document: ProtocolDocument;
  files: SealedProtocolFiles;
}

export type JusteringService = ReturnType<typeof createJusteringService>;

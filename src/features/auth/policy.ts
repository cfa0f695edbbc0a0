import { DomainError } from '../../platform/errors.js';

/**
 * The one policy table: which roles may do what. Every route names one action from here,
 * and `policy.test.ts` walks every route with every role against this table.
 */

/** Roles that mirror the committee (DOMAIN.md "Who is involved"); the public is anonymous. */
export const ROLES = [
  'admin',
  'secretary',
  'coordinator',
  'chair',
  'member',
  'substitute',
  'preparation_official',
  'registrar',
  'economist',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

const SIGNED_IN: readonly Role[] = ROLES;

/**
 * `public`: anyone, also anonymous. `signedIn`: any signed-in user (own account pages).
 * Otherwise the roles listed; a role counts when held in the organisation concerned or in its committee.
 */
export const POLICY = {
  public: 'public',
  'account.self': 'signedIn',
  'organisation.read': SIGNED_IN,
  'organisation.edit': ['admin'],
  'user.manage': ['admin'],
  'audit.read': ['admin', 'auditor'],
  /** Read cases and registered documents that are public or internal (signed-in users). */
  'registry.read': SIGNED_IN,
  /** Read secret documents and their files: those who handle the committee's cases. */
  'registry.readSecret': ['admin', 'secretary', 'coordinator', 'registrar', 'chair'],
  /** Open cases, register documents, attach files, mark secrecy. */
  'registry.write': ['secretary', 'coordinator', 'registrar'],
  /** Import and edit the classification scheme. */
  'registry.manageScheme': ['admin', 'secretary', 'registrar'],
  /** See meetings, agendas and their documents (secret items only to registry.readSecret). */
  'meeting.read': SIGNED_IN,
  /** Plan meetings: schedule, annual cycle, agenda, notices. */
  'meeting.plan': ['secretary', 'coordinator'],
  /** Run a meeting: attendance, motions, votes, reservations, decisions. */
  'meeting.run': ['secretary', 'chair'],
  /** The members' meeting room: report absence, declare jäv, keep private notes. */
  'meetingRoom.use': ['member', 'substitute', 'chair', 'preparation_official'],
  /** Adjust (justera) a protocol: only its chair person or appointed adjuster, checked by the service. */
  'protocol.sign': ['chair', 'member'],
  /** Certify and send extracts (protokollsutdrag) of final protocols. */
  'protocol.extract': ['secretary'],
  /** Follow and steer the posting of justering notices on the member municipalities' boards. */
  'publication.manage': ['secretary', 'coordinator'],
  /** Record the municipality's own posting date (the service checks the grant is in that municipality). */
  'publication.recordPosting': ['registrar', 'secretary'],
  /** Read feedback sent from the accessibility statement. */
  'accessibility.readFeedback': ['admin', 'secretary'],
  /** See initiatives, their phases and decision matrices. */
  'cooperation.read': SIGNED_IN,
  /** Create initiatives, set budgets and deadlines, close phases, record the committee's own decisions. */
  'cooperation.manage': ['coordinator', 'secretary'],
  /**
   * Record a municipality's own decision on an initiative. Only a grant held in that very
   * municipality counts (never the committee's): the committee cannot decide for its members.
   */
  'cooperation.recordDecision': ['registrar', 'preparation_official'],
  /** See budgets, outcome, distributions and reports. */
  'economy.read': ['economist', 'coordinator', 'secretary', 'chair', 'auditor', 'admin'],
  /** Budgets, allocation keys, PKV, outcome imports and comments. */
  'economy.manage': ['economist'],
  /** See the business plan, indicators, internal control, checklists and the portfolio. */
  'planning.read': SIGNED_IN,
  /** Edit the business plan, risks, control points, checklists and the portfolio. */
  'planning.manage': ['coordinator', 'secretary'],
  /** See the document management plan, deliveries, disposal lists and the processing register. */
  'archive.read': ['admin', 'secretary', 'registrar', 'auditor'],
  /** Edit the document management plan, export to the e-archive, propose disposal, place holds. */
  'archive.manage': ['admin', 'secretary', 'registrar'],
  /** Approve and execute a disposal list (a named person). */
  'archive.approveDisposal': ['admin'],
  /** Export or pseudonymise what is held about one person. */
  'personalData.manage': ['admin'],
} as const satisfies Record<string, 'public' | 'signedIn' | readonly Role[]>;

export type Action = keyof typeof POLICY;

export function isAction(value: string): value is Action {
  return Object.hasOwn(POLICY, value);
}

export interface RoleGrant {
  organisationId: string;
  role: Role;
}

/** What a request knows about its user. */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  grants: RoleGrant[];
}

/**
 * May this principal perform the action? `organisationIds`, when given, are the organisation
 * the action concerns and its committee: a grant in any of them counts.
 */
export function can(principal: Principal | null, action: Action, organisationIds?: readonly string[]): boolean {
  const rule: 'public' | 'signedIn' | readonly Role[] = POLICY[action];
  if (rule === 'public') return true;
  if (!principal) return false;
  if (rule === 'signedIn') return true;
  return principal.grants.some(
    (g) => rule.includes(g.role) && (!organisationIds || organisationIds.includes(g.organisationId)),
  );
}

export const ROLE_LABELS: Record<Role, { sv: string; en: string }> = {
  admin: { sv: 'Administratör', en: 'Administrator' },
  secretary: { sv: 'Nämndsekreterare', en: 'Secretary' },
  coordinator: { sv: 'Samordnare', en: 'Coordinator' },
  chair: { sv: 'Ordförande', en: 'Chair' },
  member: { sv: 'Ledamot', en: 'Member' },
  substitute: { sv: 'Ersättare', en: 'Substitute' },
  preparation_official: { sv: 'Tjänsteperson i beredningsgruppen', en: 'Preparation-group official' },
  registrar: { sv: 'Registrator', en: 'Municipal registrar' },
  economist: { sv: 'Ekonom', en: 'Economist' },
  auditor: { sv: 'Revisor', en: 'Auditor' },
};

/** The first line of every use case: refuse unless the policy allows. */
export function assertCan(principal: Principal | null, action: Action, organisationIds?: readonly string[]): asserts principal is Principal {
  if (!can(principal, action, organisationIds)) throw new PolicyDenied(action);
}

export class PolicyDenied extends DomainError {
  constructor(readonly action: Action) {
    super('FORBIDDEN', {
      message: `Not allowed: ${action}`,
      userMessage: {
        sv: 'Du har inte behörighet till det här. Be en administratör om behörighet om du behöver den.',
        en: 'You are not allowed to do this. Ask an administrator for access if you need it.',
      },
    });
  }
}

import { DomainError } from '../errors.js';

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
 * Otherwise the roles listed; a role counts only when held in an organisation of the action's scope
 * (see `Scope`): never because it is held somewhere else.
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
 * The organisations an action concerns, never empty: the organisation that owns the object acted
 * on, then any organisation whose grants also count for it (e.g. a municipality's object names
 * its committee too, so that the committee's administrator may act on it). A grant counts only
 * when it is held in one of these organisations: a role in Kalix never acts for the committee.
 */
export type Scope = readonly [string, ...string[]];

/** Actions that need a role, and so a scope; `public` and `signedIn` actions need none. */
export type ScopedAction = { [A in Action]: (typeof POLICY)[A] extends readonly Role[] ? A : never }[Action];
export type OpenAction = Exclude<Action, ScopedAction>;

/** A scope of exactly the given organisations; refuses an empty list (a programming error). */
export function scopeOf(organisationIds: readonly (string | null | undefined)[]): Scope {
  const ids = [...new Set(organisationIds.filter((id): id is string => typeof id === 'string' && id.length > 0))];
  if (ids.length === 0) throw new Error('A policy scope names at least one organisation');
  return ids as unknown as Scope;
}

/**
 * May this principal perform the action on an object owned within `scope`? The scope is required
 * for every action that needs a role: there is no unscoped form to forget.
 */
export function can(principal: Principal | null, action: OpenAction): boolean;
export function can(principal: Principal | null, action: ScopedAction, scope: Scope): boolean;
export function can(principal: Principal | null, action: Action, scope?: Scope): boolean {
  const rule: 'public' | 'signedIn' | readonly Role[] = POLICY[action];
  if (rule === 'public') return true;
  if (!principal) return false;
  if (rule === 'signedIn') return true;
  if (!scope || scope.length === 0) return false;
  return principal.grants.some((g) => rule.includes(g.role) && scope.includes(g.organisationId));
}

/**
 * Does the principal hold a role for this action in some organisation? Only for what is shown
 * before any object is known — the main menu and the route gate's early 403 — never as the
 * authorisation of an act: every service checks `assertCan` with the object's scope.
 */
export function holdsRoleAnywhere(principal: Principal | null, action: Action): boolean {
  const rule: 'public' | 'signedIn' | readonly Role[] = POLICY[action];
  if (rule === 'public') return true;
  if (!principal) return false;
  if (rule === 'signedIn') return true;
  return principal.grants.some((g) => rule.includes(g.role));
}

/** The organisations in which the principal holds a role for this action (to filter lists). */
export function organisationsWhere(principal: Principal | null, action: ScopedAction): string[] {
  const rule = POLICY[action] as readonly Role[];
  return [...new Set((principal?.grants ?? []).filter((g) => rule.includes(g.role)).map((g) => g.organisationId))];
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
export function assertCan(principal: Principal | null, action: OpenAction): asserts principal is Principal;
export function assertCan(principal: Principal | null, action: ScopedAction, scope: Scope): asserts principal is Principal;
export function assertCan(principal: Principal | null, action: Action, scope?: Scope): asserts principal is Principal {
  const allowed = scope ? can(principal, action as ScopedAction, scope) : can(principal, action as OpenAction);
  if (!allowed) throw new PolicyDenied(action);
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

/**
 * Narrows to a signed-in principal and authorises nothing: for a use case that checks its scoped
 * `assertCan` a few lines further on, once the object (and so its organisation) is loaded.
 */
export function requirePrincipal(principal: Principal | null, action: Action): asserts principal is Principal {
  if (!principal) throw new PolicyDenied(action);
}

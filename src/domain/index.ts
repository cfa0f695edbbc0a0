/** The public API of the pure domain layer. Nothing here reads a clock, a database or a network. */
export { DomainError, type DomainErrorCode, type UserMessage } from './domain-error.js';
export {
  addDays, compareDates, dayOfWeek, daysBetween, formatIsoDate, isIsoDate, latestDate, parseIsoDate, yearOf,
  type CalendarDate, type IsoDate, type Weekday,
} from './calendar-date.js';
export {
  easterSunday, findSwedishHoliday, isNonWorkingDayForDeadlines, listSwedishHolidays,
  type HolidayKind, type SwedishHoliday,
} from './swedish-holidays.js';
export { endOfStatutoryPeriod } from './statutory-period.js';
export { appealPeriod, isPostingLate, noticePostingDeadline } from './appeal.js';
export { isJusteringLate, justeringDeadline } from './justering.js';
export { isNoticeLate, noticeDeadline } from './notice.js';
export { OPEN_LATE_LIMIT_DAYS, openingOutsideDay, type OpeningOutsideDay } from './meeting-opening.js';
export { isReminderDue, reminderFrom } from './reminder.js';
export { committeeSeats, quorumStatus, type QuorumResult } from './quorum.js';
export {
  decideServing,
  type AppointedPerson, type MemberStatus, type SeatAssignment, type ServingInput,
} from './substitution.js';
export {
  countServingMembers, serviceByParagraph, servingMembers,
  type AttendanceEvent, type AttendanceEventType, type JavRecord, type Mandate, type ServiceByParagraphInput, type ServiceRecord,
  type ServingMember, type ServingMembersInput,
} from './serving-members.js';
export { publicHeadingOf } from './public-heading.js';
export { attendanceShare } from './attendance-share.js';
export { decideTabling, decideVote, type VoteCount, type VoteDecision, type VoteKind } from './voting.js';
export { drawElectionLottery, electionResult, type ElectionResult } from './election.js';
export { presidingChair, type PresidingBasis } from './presiding.js';
export { canEnterReservation, reservationReasonsDue } from './reservation.js';
export {
  formatCaseNumber, formatHandlingId, parseCaseNumber, parseHandlingId,
  type CaseNumber, type HandlingId,
} from './case-number.js';
export { apportionByWeights, type AmountUnit, type PartyWeight, type Share } from './largest-remainder.js';
export { allocateCost, type AllocationInput, type AllocationKey, type AllocationParty } from './allocation.js';
export {
  carryOver, indexAmount, indexEqualShare, type CarryOver, type Indexation, type IndexationStep,
} from './pkv.js';
export {
  RISK_CONSEQUENCE_SCALE, RISK_PROBABILITY_SCALE, classifyRiskValue, riskValue, type RiskBand, type RiskScore,
} from './risk.js';
export { formatKronor, parseKronor } from './money-format.js';
export { isTermCurrent, type Term } from './mandate-term.js';
export { attendanceRate, attendedSeats, type MeetingAttendance } from './attendance-rate.js';
export { goalStatus, indicatorStatus, tertialOfMonth, type GoalStatus, type IndicatorKind, type IndicatorReading } from './goal-status.js';
export {
  evaluatePhaseGate, phaseParticipants, recorderOf,
  type DecisionMaker, type DecisionStatus, type GateCell, type GateDecision, type GateInput, type GateResult, type GateShortfall,
} from './cooperation-gates.js';
export { computeBuyIn, type BuyInInput, type BuyInResult, type BuyInRow } from './buy-in.js';
export { codeInScheme, disposalDecision, disposalDueOn, matchRetentionRule, type DisposalRefusal, type RetentionRule } from './retention.js';
export { mayBeInternal, publicRecordState, type RecordDirection, type RecordSecrecy } from './public-records.js';
export { findPersonalIdentityNumbers, maskPersonalIdentityNumbers, normalisePersonalIdentityNumber } from './personnummer.js';
export { LOA3, assuranceLabel, assuranceRank, meetsAssuranceLevel } from './assurance.js';
export {
  MOTION_KINDS, PROPOSITION_STAGES, motionNeedsText, propositionOrder, propositionStageOf,
  type MotionKind, type PropositionStage,
} from './motion-order.js';
export { mayReadSecretPaperAsMember, type PaperReaderRole } from './secret-papers.js';
export { COMMON_PROVISIONS, OSL_TITLE, normaliseProvision, provisionCitation, type SecrecyProvision } from './secrecy-provisions.js';

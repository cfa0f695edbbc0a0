/**
 * Årshjul (annual cycle): what a body's meetings in a given month must handle, as data, and the
 * check of a meeting's agenda against it. Business plan 6.1.1.
 */

/** One required item of the annual cycle: in `month` (1–12) the agenda must handle `title`. */
export interface AnnualCycleRequirement {
  month: number;
  title: string;
  /** Words that, found in an agenda item's heading, show the item is on the agenda. */
  matchWords: readonly string[];
}

/** Whether one required item is on the agenda, and which heading showed it. */
export interface AnnualCycleCheck {
  title: string;
  met: boolean;
  matchedHeading: string | undefined;
}

const normalise = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv');

/**
 * For each required item of the meeting's month, in the order given: met when some agenda
 * heading contains one of its match words (case-insensitive, Swedish letters kept apart: "a" does
 * not match "å"); an item without match words is matched by its title. Business plan 6.1.1.
 */
export function annualCycleStatus(options: {
  cycleItems: readonly AnnualCycleRequirement[];
  month: number;
  agendaItemHeadings: readonly string[];
}): AnnualCycleCheck[] {
  const headings = options.agendaItemHeadings.map((h) => ({ heading: h, text: normalise(h) }));
  return options.cycleItems
    .filter((item) => item.month === options.month)
    .map((item) => {
      const words = (item.matchWords.length > 0 ? item.matchWords : [item.title]).map(normalise).filter(Boolean);
      const found = headings.find((h) => words.some((w) => h.text.includes(w)));
      return { title: item.title, met: found !== undefined, matchedHeading: found?.heading };
    });
}

/** Turns "budget, delårsrapport" into ['budget', 'delårsrapport']: trimmed, lower-case, no repeats. */
export function parseMatchWords(text: string): string[] {
  return [...new Set(text.split(/[,;\n]/).map(normalise).filter(Boolean))];
}

const ECONOMY: Omit<AnnualCycleRequirement, 'month'> = { title: 'Information om ekonomi och verksamhet', matchWords: ['ekonomi'] };
const INTERIM_2: Omit<AnnualCycleRequirement, 'month'> = { title: 'Delårsrapport 2', matchWords: ['delårsrapport'] };
const STRATEGY: Omit<AnnualCycleRequirement, 'month'> = { title: 'Riskanalys och verksamhetsplanering (strategidag)', matchWords: ['riskanalys', 'strategidag', 'verksamhetsplanering'] };

/**
 * The e-nämnd's annual cycle from its business plan (6.1.1 Årshjul): March annual report; June
 * budget and interim report 1; September/October interim report 2 and the strategy day;
 * December business plan and internal control plan; economy and operations at every meeting.
 * "September/Oktober" is one row for each month. For the demo to load.
 */
export const DEMO_ANNUAL_CYCLE: readonly AnnualCycleRequirement[] = [
  { month: 3, title: 'Verksamhetsberättelse', matchWords: ['verksamhetsberättelse', 'årsredovisning'] },
  { month: 3, ...ECONOMY },
  { month: 6, title: 'Budget', matchWords: ['budget'] },
  { month: 6, title: 'Delårsrapport 1', matchWords: ['delårsrapport'] },
  { month: 6, ...ECONOMY },
  { month: 9, ...INTERIM_2 },
  { month: 9, ...STRATEGY },
  { month: 9, ...ECONOMY },
  { month: 10, ...INTERIM_2 },
  { month: 10, ...STRATEGY },
  { month: 10, ...ECONOMY },
  // The plan's "Verksamhets- och internkontrollplan" is one decision; either name meets each row.
  { month: 12, title: 'Verksamhetsplan', matchWords: ['verksamhetsplan', 'verksamhets- och'] },
  { month: 12, title: 'Internkontrollplan', matchWords: ['internkontroll', 'intern kontroll'] },
  { month: 12, ...ECONOMY },
];

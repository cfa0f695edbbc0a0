/** The one place that reads the time; tests pass a fixed clock. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** "Today" as YYYY-MM-DD in Swedish time, for the domain functions that take a date. */
export function swedishDate(now: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The one place that reads the time; tests pass a fixed clock. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** Formatting lives in time-format.ts (cached formatters); kept here for the many callers of "today". */
export { swedishDate } from './time-format.js';

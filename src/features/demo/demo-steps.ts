/** The steps of loadDemo (demo.ts) in order, for a progress display; apart so that a page can show them without loading the demo. */
export const DEMO_STEPS = ['people', 'registry', 'meetings', 'protocol', 'cooperation', 'publication', 'economy', 'planning', 'archive'] as const;
export type DemoStep = (typeof DEMO_STEPS)[number];

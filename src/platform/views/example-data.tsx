/**
 * The one marker of invented demo data (issue 20). A record whose `origin` is 'demo' was invented
 * by the demo loader where the seed is silent; it says "Exempeldata" wherever it is shown
 * (ExampleMark) and exported (withExampleMark). Records taken from the seed ('seed') and records
 * users enter (null) carry no mark. The marker is data, never a prefix in the record's text.
 */
import { translator, type Locale } from '../i18n/i18n.js';
import type { ViewContext } from './context.js';

/** Invented by the demo (origin 'demo')? */
export function isExample(origin: string | null | undefined): boolean {
  return origin === 'demo';
}

/**
 * Is a detail of the record invented? A record taken from the seed ('seed') keeps the seed's
 * words, but the details the seed does not state were completed by the demo: the seed protocol
 * of 2022-12-14 names no time or place for its meeting. Such a detail is example data too.
 */
export function isExampleDetail(origin: string | null | undefined): boolean {
  return origin === 'demo' || origin === 'seed';
}

interface MarkProps {
  ctx: Pick<ViewContext, 't'>;
  origin: string | null | undefined;
  /** The text shown is a detail the seed does not state (a meeting's time or place). */
  detail?: boolean;
}

/** " Exempeldata" as a badge after the record's own text, or nothing for real data. */
export function ExampleMark({ ctx, origin, detail = false }: MarkProps) {
  if (!(detail ? isExampleDetail(origin) : isExample(origin))) return null;
  return (
    <>
      {' '}
      <span class="badge example-data" title={ctx.t('example.title')}>
        {ctx.t('example.label')}
      </span>
    </>
  );
}

/** The same marker in an export's text: "Kommunstyrelsen, 2018-04-24 (Exempeldata)". */
export function withExampleMark(text: string, origin: string | null | undefined, locale: Locale, options: { detail?: boolean } = {}): string {
  if (!(options.detail ? isExampleDetail(origin) : isExample(origin))) return text;
  const label = translator(locale)('example.label');
  return text ? `${text} (${label})` : label;
}

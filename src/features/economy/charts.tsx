/**
 * Server-rendered SVG charts, each shown with its table beside it. Accessible: role="img" with
 * a title and description, series told apart by pattern and by label as well as by colour.
 */
import type { ComponentChildren } from 'preact';
import { formatKronor } from '../../domain/money-format.js';

/** Fills that differ in pattern as well as colour (all meet 3:1 against white). */
const FILLS = [
  { id: 'solid', color: '#0b4f6c', pattern: null },
  { id: 'diag', color: '#8a4b00', pattern: 'M0,6 L6,0' },
  { id: 'dots', color: '#1e6b35', pattern: 'dots' },
  { id: 'cross', color: '#6b2c91', pattern: 'M0,0 L6,6 M6,0 L0,6' },
  { id: 'horiz', color: '#b00020', pattern: 'M0,3 L6,3' },
  { id: 'vert', color: '#4a4a4a', pattern: 'M3,0 L3,6' },
] as const;

function Patterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      {FILLS.map((f) => (
        <pattern id={`${prefix}-${f.id}`} width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" fill={f.pattern ? '#ffffff' : f.color} />
          {f.pattern === 'dots' ? <circle cx="3" cy="3" r="1.6" fill={f.color} /> : f.pattern ? <path d={f.pattern} stroke={f.color} stroke-width="2" /> : null}
        </pattern>
      ))}
    </defs>
  );
}

const fillOf = (prefix: string, index: number) => `url(#${prefix}-${FILLS[index % FILLS.length]?.id ?? 'solid'})`;
const strokeOf = (index: number) => FILLS[index % FILLS.length]?.color ?? '#000000';

function Legend({ prefix, names, y, width }: { prefix: string; names: string[]; y: number; width: number }) {
  const perRow = Math.max(1, Math.floor(width / 190));
  return (
    <g aria-hidden="true">
      {names.map((name, i) => {
        const x = 8 + (i % perRow) * 190;
        const yy = y + Math.floor(i / perRow) * 20;
        return (
          <g>
            <rect x={x} y={yy} width="14" height="14" fill={fillOf(prefix, i)} stroke={strokeOf(i)} />
            <text x={x + 20} y={yy + 11} font-size="12" fill="#1a1a1a">
              {name.length > 26 ? `${name.slice(0, 25)}…` : name}
            </text>
          </g>
        );
      })}
    </g>
  );
}

interface ChartProps {
  id: string;
  title: string;
  desc: string;
  series: string[];
  rows: { label: string; values: number[] }[];
}

/** Where the bars start: below the legend, whose rows hold as many names as fit across. */
const plotTop = (series: readonly string[], width: number) => 8 + Math.ceil(series.length / Math.max(1, Math.floor(width / 190))) * 20 + 6;

/** The accessible frame of a chart: an image named by its title and described by its text, with the series' patterns and legend. */
function ChartFrame(props: { chart: ChartProps; width: number; height: number; children: ComponentChildren }) {
  const { id, title, desc, series } = props.chart;
  return (
    <svg viewBox={`0 0 ${props.width} ${props.height}`} width="100%" role="img" aria-labelledby={`${id}-title ${id}-desc`} style="max-width:40rem;height:auto">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      <Patterns prefix={id} />
      <Legend prefix={id} names={series} y={8} width={props.width} />
      {props.children}
    </svg>
  );
}

/** Grouped horizontal bars: for each row, one bar per series (e.g. budget and outcome). */
export function GroupedBarChart(props: ChartProps) {
  const width = 560;
  const labelWidth = 170;
  const barHeight = 14;
  const groupHeight = props.series.length * (barHeight + 2) + 12;
  const top = plotTop(props.series, width);
  const height = top + props.rows.length * groupHeight + 8;
  const max = Math.max(1, ...props.rows.flatMap((r) => r.values.map((v) => Math.abs(v))));
  const plot = width - labelWidth - 90;
  return (
    <ChartFrame chart={props} width={width} height={height}>
      {props.rows.map((row, r) => {
        const y0 = top + r * groupHeight;
        return (
          <g aria-hidden="true">
            <text x={labelWidth - 6} y={y0 + groupHeight / 2} font-size="12" text-anchor="end" fill="#1a1a1a">
              {row.label.length > 24 ? `${row.label.slice(0, 23)}…` : row.label}
            </text>
            {row.values.map((v, s) => {
              const w = Math.max(v === 0 ? 0 : 1, (Math.abs(v) / max) * plot);
              const y = y0 + s * (barHeight + 2);
              return (
                <g>
                  <rect x={labelWidth} y={y} width={w} height={barHeight} fill={fillOf(props.id, s)} stroke={strokeOf(s)} />
                  <text x={labelWidth + w + 4} y={y + barHeight - 3} font-size="11" fill="#1a1a1a">
                    {formatKronor(v)}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </ChartFrame>
  );
}

/** Stacked horizontal bars: each row (municipality) split into its parts (cost objects). */
export function StackedBarChart(props: ChartProps) {
  const width = 560;
  const labelWidth = 120;
  const barHeight = 18;
  const top = plotTop(props.series, width);
  const height = top + props.rows.length * (barHeight + 8) + 8;
  const max = Math.max(1, ...props.rows.map((r) => r.values.reduce((s, v) => s + Math.max(0, v), 0)));
  const plot = width - labelWidth - 80;
  return (
    <ChartFrame chart={props} width={width} height={height}>
      {props.rows.map((row, r) => {
        const y = top + r * (barHeight + 8);
        let x = labelWidth;
        const total = row.values.reduce((s, v) => s + v, 0);
        return (
          <g aria-hidden="true">
            <text x={labelWidth - 6} y={y + barHeight - 5} font-size="12" text-anchor="end" fill="#1a1a1a">
              {row.label}
            </text>
            {row.values.map((v, s) => {
              const w = (Math.max(0, v) / max) * plot;
              const rect = <rect x={x} y={y} width={w} height={barHeight} fill={fillOf(props.id, s)} stroke={strokeOf(s)} />;
              x += w;
              return rect;
            })}
            <text x={x + 4} y={y + barHeight - 5} font-size="11" fill="#1a1a1a">
              {formatKronor(total)}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}

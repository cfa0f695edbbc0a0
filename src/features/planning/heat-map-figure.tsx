/** The risk matrix as SVG, with the same matrix as a table beside it: never colour alone. */
import type { RiskBand } from '../../domain/index.js';
import type { ViewContext } from '../../platform/views/context.js';
import { heatMapGrid, SCORES, type HeatMapRisk } from './heat-map.js';
import { scoreLabel } from './planning.views.js';
import { DataTable } from '../../platform/views/data-table.js';

/** Fill colours that keep black text at a contrast of at least 4.5:1. */
const FILL: Record<RiskBand, string> = { low: '#cfe8d5', medium: '#fff0b3', high: '#ffd0a8', 'very-high': '#f5b5b5' };
const CELL = 78;
const LEFT = 120;
const TOP = 10;

export function HeatMap({ ctx, risks, id }: { ctx: ViewContext; risks: HeatMapRisk[]; id: string }) {
  const { t } = ctx;
  const grid = heatMapGrid(risks);
  const width = LEFT + 4 * CELL + 10;
  const height = TOP + 4 * CELL + 70;
  const cellText = (numbers: number[]) => (numbers.length ? numbers.map((n) => `R${n}`).join(', ') : '');
  return (
    <figure class="heat-map" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{t('planning.heatMap')}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" style={`max-width:${width}px`} role="img" aria-labelledby={`${id}-title`}>
        <title id={`${id}-title`}>{t('planning.heatMapSvgTitle')}</title>
        {grid.map((row, r) =>
          row.map((cell, c) => (
            <g>
              <rect x={LEFT + c * CELL} y={TOP + r * CELL} width={CELL} height={CELL} fill={FILL[cell.band]} stroke="#555" stroke-width="1" />
              <text x={LEFT + c * CELL + 6} y={TOP + r * CELL + 16} font-size="12" fill="#222">
                {cell.value}
              </text>
              <text x={LEFT + c * CELL + CELL / 2} y={TOP + r * CELL + CELL / 2 + 8} font-size="15" font-weight="bold" text-anchor="middle" fill="#000">
                {cellText(cell.riskNumbers)}
              </text>
            </g>
          )),
        )}
        {[4, 3, 2, 1].map((p, r) => (
          <text x={LEFT - 6} y={TOP + r * CELL + CELL / 2 + 4} font-size="12" text-anchor="end" fill="#222">
            {scoreLabel(ctx, 'probability', p)}
          </text>
        ))}
        {SCORES.map((c, i) => (
          <text x={LEFT + i * CELL + CELL / 2} y={TOP + 4 * CELL + 18} font-size="12" text-anchor="middle" fill="#222">
            {scoreLabel(ctx, 'consequence', c)}
          </text>
        ))}
        <text x={LEFT + 2 * CELL} y={TOP + 4 * CELL + 48} font-size="13" text-anchor="middle" fill="#222">
          {t('planning.risk.consequence')} →
        </text>
        <text x={12} y={TOP + 14} font-size="13" fill="#222">
          {t('planning.risk.probability')} ↓
        </text>
      </svg>
      <DataTable caption={t('planning.heatMapTable')} columns={[t('planning.probabilityConsequence'), ...SCORES.map((c) => scoreLabel(ctx, 'consequence', c))]} scroll>
        {grid.map((row) => (
          <tr>
            <th scope="row">{scoreLabel(ctx, 'probability', row[0]?.probability ?? 1)}</th>
            {row.map((cell) => (
              <td>
                {t('planning.cellValue', { value: cell.value, band: t(`planning.band.${cell.band}`) })}
                {cell.riskNumbers.length > 0 && (
                  <>
                    : <strong>{cellText(cell.riskNumbers)}</strong>
                  </>
                )}
              </td>
            ))}
          </tr>
        ))}
      </DataTable>
    </figure>
  );
}

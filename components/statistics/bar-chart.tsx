import type { Figure } from "@/lib/stats/participation-table";
import type { FigureFormat } from "./figure-format";

type BarChartProps = {
  id: string;
  /** The chart's accessible name. */
  title: string;
  bars: { key: string; label: string; figure: Figure }[];
  format: FigureFormat;
};

const ROW_HEIGHT = 46;
const BAR_HEIGHT = 14;
/** Bars take at most this share of the width, leaving room for the number after the longest. */
const BAR_SPAN = 60;

/**
 * Horizontal bars drawn on the server: no script, no library. Widths are
 * percentages of the drawing, so the text keeps its size on a narrow screen.
 * The same numbers are in a table beside it; a hidden figure gets no bar.
 */
export function BarChart({ id, title, bars, format }: BarChartProps) {
  const largest = Math.max(1, ...bars.map((bar) => bar.figure.count ?? 0));
  return (
    <svg className="bar-chart" role="img" aria-labelledby={`${id}-title`} width="100%" height={bars.length * ROW_HEIGHT + 4}>
      <title id={`${id}-title`}>{title}</title>
      {bars.map((bar, index) => {
        const top = index * ROW_HEIGHT;
        const span = bar.figure.count === null ? 0 : Math.round((1000 * BAR_SPAN * bar.figure.count) / largest) / 1000;
        return (
          <g key={bar.key}>
            <text x="0" y={top + 16} className="bar-label">
              {bar.label}
            </text>
            {span > 0 ? <rect x="0" y={top + 24} width={`${span}%`} height={BAR_HEIGHT} className="bar" /> : null}
            <text x={`${span + (span > 0 ? 1 : 0)}%`} y={top + 24 + BAR_HEIGHT - 2} className="bar-value">
              {format.both(bar.figure)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

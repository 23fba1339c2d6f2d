import type { Figure } from "@/lib/stats/participation-table";

export type FigureLabels = { fewerThan: string; withheld: string };

/** Numbers and shares in the reader's language; a suppressed figure says why it is not shown. */
export function figureFormat(locale: string, labels: FigureLabels) {
  const numbers = new Intl.NumberFormat(locale);
  const percents = new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const count = (value: number) => numbers.format(value);
  const percent = (value: number) => percents.format(value / 100);
  const hidden = (figure: Figure) => (figure.suppressed === "fewerThanMinimum" ? labels.fewerThan : labels.withheld);
  return {
    count,
    percent,
    /** "12" or "fewer than 5". */
    figureCount: (figure: Figure) => (figure.count === null ? hidden(figure) : count(figure.count)),
    /** "30.0 %", or nothing when withheld. */
    figurePercent: (figure: Figure) => (figure.percent === null ? "" : percent(figure.percent)),
    /** "12 (30.0 %)" or "fewer than 5", for a chart's label. */
    both: (figure: Figure) => (figure.count === null ? hidden(figure) : `${count(figure.count)} (${percent(figure.percent ?? 0)})`),
  };
}

export type FigureFormat = ReturnType<typeof figureFormat>;

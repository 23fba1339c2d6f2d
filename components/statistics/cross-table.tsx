import type { Figure, ParticipationTable } from "@/lib/stats/participation-table";
import type { FigureFormat } from "./figure-format";

type CrossTableProps = {
  id: string;
  caption: string;
  table: ParticipationTable;
  format: FigureFormat;
  labels: { group: string; total: string; groupName: (group: string) => string; regionName: (region: string) => string };
};

/** The IGF's participation table: stakeholder groups by region, with totals; it scrolls sideways in its own labelled region. */
export function CrossTable({ id, caption, table, format, labels }: CrossTableProps) {
  const cell = (figure: Figure) => (
    <>
      {format.figureCount(figure)}
      {figure.percent === null || figure.count === 0 ? null : <span className="share">{format.figurePercent(figure)}</span>}
    </>
  );
  return (
    <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="data-table stats-table">
        <caption id={`${id}-caption`}>
          <span>{caption}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{labels.group}</th>
            {table.columnTotals.map((column) => (
              <th scope="col" key={column.region}>
                {labels.regionName(column.region)}
              </th>
            ))}
            <th scope="col">{labels.total}</th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.group}>
              <th scope="row">{labels.groupName(row.group)}</th>
              {row.cells.map((figure) => (
                <td key={figure.region}>{cell(figure)}</td>
              ))}
              <td>{cell(row.total)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{labels.total}</th>
            {table.columnTotals.map((column) => (
              <td key={column.region}>{cell(column)}</td>
            ))}
            <td>
              {format.count(table.total)}
              {table.total > 0 ? <span className="share">{format.percent(100)}</span> : null}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

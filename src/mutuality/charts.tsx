/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Charts drawn on the server as SVG: no script, readable on any phone, printable. Each has a short spoken summary;
// the table beside it (in the page) is the full text alternative. Suppressed points are gaps, never zeros.

export type Series = { label: string; cls: string; values: (number | null)[] };

// `months`: the axis labels, one a month, as the page words them (a short month name).

const W = 320;
/** The last month's label ends at its point, so it is not cut at the chart's edge. */
const lastAnchor = (i: number, n: number) => (n > 1 && i === n - 1 ? 'end' : 'middle');
const H = 140;
const PAD = { left: 34, right: 8, top: 8, bottom: 22 };

/** Lines of shares (0–1) over months; a missing value breaks the line. */
export function LineChart({
  id,
  title,
  months,
  series,
}: {
  id: string;
  title: string;
  months: string[];
  series: Series[];
}) {
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (months.length <= 1 ? innerW / 2 : (i * innerW) / (months.length - 1));
  const y = (v: number) => PAD.top + innerH - Math.max(0, Math.min(1, v)) * innerH;
  const paths = series.map((s) => {
    let d = '';
    let pen = false;
    s.values.forEach((v, i) => {
      if (v === null) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
      pen = true;
    });
    return { s, d };
  });
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title`} class="chart-svg" width="100%">
      <title id={`${id}-title`}>{title}</title>
      {[0, 0.5, 1].map((g) => (
        <g>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(g)} y2={y(g)} class="grid" />
          <text x={PAD.left - 4} y={y(g) + 3} text-anchor="end" font-size="9">{`${Math.round(g * 100)}%`}</text>
        </g>
      ))}
      {months.map((m, i) => (
        <text x={x(i)} y={H - 6} text-anchor={lastAnchor(i, months.length)} font-size="9">
          {m}
        </text>
      ))}
      {paths.map(({ s, d }) => (
        <g class={s.cls}>
          {d ? <path d={d} fill="none" stroke-width="2" /> : null}
          {s.values.map((v, i) => (v === null ? null : <circle cx={x(i)} cy={y(v)} r="2.5" />))}
        </g>
      ))}
    </svg>
  );
}

/** Grouped bars of counts per month; a suppressed month shows no bars. */
export function BarChart({
  id,
  title,
  months,
  series,
}: {
  id: string;
  title: string;
  months: string[];
  series: Series[];
}) {
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const top = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const group = innerW / Math.max(1, months.length);
  const bar = Math.max(2, (group - 6) / Math.max(1, series.length));
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title`} class="chart-svg" width="100%">
      <title id={`${id}-title`}>{title}</title>
      <line x1={PAD.left} x2={W - PAD.right} y1={PAD.top + innerH} y2={PAD.top + innerH} class="grid" />
      <text x={PAD.left - 4} y={PAD.top + 8} text-anchor="end" font-size="9">
        {String(top)}
      </text>
      {months.map((m, i) => (
        <g>
          {series.map((s, j) => {
            const v = s.values[i];
            if (v === null || v === undefined) return null;
            const h = (v / top) * innerH;
            return (
              <rect
                x={PAD.left + i * group + 3 + j * bar}
                y={PAD.top + innerH - h}
                width={bar - 1}
                height={h}
                class={s.cls}
              />
            );
          })}
          <text x={PAD.left + i * group + group / 2} y={H - 6} text-anchor="middle" font-size="9">
            {m}
          </text>
        </g>
      ))}
    </svg>
  );
}

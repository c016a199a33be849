/**
 * A hand-written SVG bar chart of the headline ratios (no dependency): one
 * bar per ratio on a log scale centred on 1×, with the target as a tick, so
 * ratios above and below 1 read alike.
 */

/** One bar: `value` is a ratio; `target` the ratio to reach; `better` says which side wins. */
export interface ChartBar {
  readonly label: string;
  readonly value: number;
  readonly target: number;
  readonly better: 'higher' | 'lower';
}

const WIDTH = 760;
const LABEL_WIDTH = 330;
const ROW = 26;
const TOP = 48;
const MIN = 0.1;
const MAX = 100;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** x position of a ratio on the log axis. */
function x(ratio: number): number {
  const clamped = Math.min(MAX, Math.max(MIN, ratio));
  const span = WIDTH - LABEL_WIDTH - 70;
  return (
    LABEL_WIDTH +
    ((Math.log10(clamped) - Math.log10(MIN)) / (Math.log10(MAX) - Math.log10(MIN))) * span
  );
}

function met(bar: ChartBar): boolean {
  return bar.better === 'higher' ? bar.value >= bar.target : bar.value <= bar.target;
}

/**
 * The SVG document for `bars`, titled `title`.
 *
 * @example
 * renderChart('Headline ratios', [{ label: 'parse vs qs', value: 1.2, target: 1, better: 'higher' }]);
 */
export function renderChart(title: string, bars: readonly ChartBar[]): string {
  const height = TOP + bars.length * ROW + 40;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    // A title names the chart for screen readers.
    `<title>listql benchmarks: headline ratios against their targets</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="12" y="22" font-size="15" font-weight="600">${escapeXml(title)}</text>`,
    `<text x="12" y="38" fill="#555">ratio, log scale; tick = target; green = target met, red = missed</text>`,
  ];
  for (const tick of [0.1, 0.5, 1, 2, 4, 10, 100]) {
    const tx = x(tick).toFixed(1);
    const bottom = TOP + bars.length * ROW;
    out.push(
      `<line x1="${tx}" y1="${TOP - 4}" x2="${tx}" y2="${bottom}" stroke="${tick === 1 ? '#333' : '#ddd'}"/>`,
      `<text x="${tx}" y="${bottom + 14}" text-anchor="middle" fill="#555">${tick}×</text>`,
    );
  }
  bars.forEach((bar, i) => {
    const y = TOP + i * ROW;
    const from = x(1);
    const to = x(bar.value);
    const left = Math.min(from, to);
    const width = Math.max(1, Math.abs(to - from));
    const colour = met(bar) ? '#2e8b57' : '#c0392b';
    out.push(
      `<text x="${LABEL_WIDTH - 8}" y="${y + 16}" text-anchor="end">${escapeXml(bar.label)}</text>`,
      `<rect x="${left.toFixed(1)}" y="${y + 5}" width="${width.toFixed(1)}" height="15" fill="${colour}"/>`,
      `<line x1="${x(bar.target).toFixed(1)}" y1="${y + 2}" x2="${x(bar.target).toFixed(1)}" y2="${y + 23}" stroke="#000" stroke-width="2"/>`,
      `<text x="${(Math.max(from, to) + 4).toFixed(1)}" y="${y + 16}">${bar.value.toFixed(2)}×</text>`,
    );
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

import type { ScenarioResult } from "./scenario.js";

const PANEL_WIDTH = 460;
const BAR_HEIGHT = 18;
const LABEL_WIDTH = 110;
const COLORS: Record<string, string> = {
  bucketguard: "#2b8a3e",
  "sdk-default": "#868e96",
  "sdk-adaptive": "#5c7cfa",
  "p-retry": "#f59f00",
  aws4fetch: "#c2255c",
  "r2-binding": "#868e96",
};

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function panel(result: ScenarioResult, x: number, y: number): string {
  const max = Math.max(...result.rows.map((r) => r.value), 1e-9);
  const barSpace = PANEL_WIDTH - LABEL_WIDTH - 70;
  const title = result.title.replace(/:.*$/, "");
  const parts = [
    `<text x="${x}" y="${y + 14}" font-weight="bold">${escapeXml(title)}</text>`,
    `<text x="${x}" y="${y + 30}" fill="#495057">${escapeXml(result.metric)}</text>`,
  ];
  result.rows.forEach((row, i) => {
    const top = y + 40 + i * (BAR_HEIGHT + 6);
    const width = Math.max(1, (row.value / max) * barSpace);
    const color = COLORS[row.contender] ?? "#495057";
    const value = Number.isInteger(row.value) ? String(row.value) : row.value.toFixed(2);
    parts.push(
      `<text x="${x}" y="${top + 13}">${escapeXml(row.contender)}</text>`,
      `<rect x="${x + LABEL_WIDTH}" y="${top}" width="${width.toFixed(1)}" height="${BAR_HEIGHT}" fill="${color}"/>`,
      `<text x="${(x + LABEL_WIDTH + width + 6).toFixed(1)}" y="${top + 13}">${value}</text>`,
    );
  });
  return parts.join("\n");
}

/** A bar chart per scenario (its headline metric per client), as a standalone SVG document. */
export function renderChart(results: readonly ScenarioResult[]): string {
  const rowsMax = Math.max(...results.map((r) => r.rows.length), 1);
  const panelHeight = 50 + rowsMax * (BAR_HEIGHT + 6);
  const columns = 2;
  const width = columns * PANEL_WIDTH + 20;
  const height = Math.ceil(results.length / columns) * panelHeight + 20;
  const panels = results.map((result, i) =>
    panel(result, 10 + (i % columns) * PANEL_WIDTH, 10 + Math.floor(i / columns) * panelHeight),
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...panels,
    "</svg>",
    "",
  ].join("\n");
}

import { Box, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { intlLocale } from "../../../../ui/format";

interface Point {
  date: string;
  value: number;
}

const W = 320;
const H = 120;
const PAD = { left: 34, right: 8, top: 10, bottom: 20 };

/** Body temperature day by day, with the not-cleared threshold as a dashed line. */
export function TemperatureChart({ points, threshold }: { points: Point[]; threshold: number | null }) {
  const { t, i18n } = useTranslation("logbook");
  const locale = intlLocale(i18n.language);
  if (points.length < 2) return null;
  const values = points.map((p) => p.value).concat(threshold ?? []);
  const min = Math.floor(Math.min(...values, 36) * 2) / 2;
  const max = Math.ceil(Math.max(...values, 38) * 2) / 2;
  const x = (i: number) => PAD.left + (i / (points.length - 1)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - (v - min) / (max - min)) * (H - PAD.top - PAD.bottom);
  const fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const path = points.map((p, i) => `${i ? "L" : "M"}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ");
  const short = (d: string) => new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${d}T00:00:00Z`));
  const summary = t("healthHistory.chartSummary", {
    count: points.length,
    min: fmt.format(Math.min(...points.map((p) => p.value))),
    max: fmt.format(Math.max(...points.map((p) => p.value))),
  });
  return (
    <Box component="figure" m={0}>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={summary} style={{ maxWidth: 560, display: "block" }}>
        {[min, max].map((v) => (
          <text key={v} x={PAD.left - 4} y={y(v) + 4} fontSize="10" textAnchor="end" fill="#495057">
            {fmt.format(v)}
          </text>
        ))}
        <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} stroke="#adb5bd" />
        {threshold !== null ? <line x1={PAD.left} x2={W - PAD.right} y1={y(threshold)} y2={y(threshold)} stroke="#c92a2a" strokeDasharray="4 3" /> : null}
        <path d={path} fill="none" stroke="#0b468f" strokeWidth="2" />
        {points.map((p, i) => (
          <circle key={p.date} cx={x(i)} cy={y(p.value)} r="3" fill={threshold !== null && p.value >= threshold ? "#c92a2a" : "#0b468f"} />
        ))}
        <text x={PAD.left} y={H - 6} fontSize="10" fill="#495057">
          {short(points[0].date)}
        </text>
        <text x={W - PAD.right} y={H - 6} fontSize="10" textAnchor="end" fill="#495057">
          {short(points[points.length - 1].date)}
        </text>
      </svg>
      <Text component="figcaption" size="xs" c="dimmed">
        {summary}
        {threshold !== null ? ` ${t("healthHistory.threshold", { value: fmt.format(threshold) })}` : ""}
      </Text>
    </Box>
  );
}

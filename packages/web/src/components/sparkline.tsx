const W = 120;
const H = 32;

/**
 * A short history as an SVG line. The overview shows nine of these; drawing them with ECharts would pull the
 * charts bundle (several hundred KB) into the landing page for a dozen points each.
 */
export function Sparkline({ values, color, label }: { values: (number | null)[]; color: string; label: string }) {
  const known = values.flatMap((v, i) => (v === null ? [] : [[i, v] as const]));
  const lo = Math.min(...known.map(([, v]) => v));
  const hi = Math.max(...known.map(([, v]) => v));
  const x = (i: number) => (values.length > 1 ? (i / (values.length - 1)) * W : W / 2);
  const y = (v: number) => (hi === lo ? H / 2 : H - 2 - ((v - lo) / (hi - lo)) * (H - 4));
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" height={H} preserveAspectRatio="none" role="img" aria-label={label}>
      {known.length > 1 && (
        <polyline
          points={known.map(([i, v]) => `${x(i)},${y(v)}`).join(' ')}
          fill="none"
          stroke={color}
          strokeWidth={1.5}
          vectorEffect="non-scaling-stroke"
        />
      )}
    </svg>
  );
}

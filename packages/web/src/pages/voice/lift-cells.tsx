import { Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import type { DriverRow } from './types.ts';

/** A learned sentiment (about −1…1, higher = happier), coloured by its sign. */
export function Sentiment({ value }: { value: number | null }) {
  const { fmt } = useI18n();
  if (value === null) return <>{fmt.signed(null)}</>;
  return (
    <Typography.Text type={value < -0.05 ? 'danger' : value > 0.05 ? 'success' : undefined}>
      {fmt.signed(value, 2)}
    </Typography.Text>
  );
}

/** The churn lift of a driver in points, its 95 % interval and whether it survives the Benjamini–Hochberg correction. */
export function liftColumns(t: ReturnType<typeof useI18n>['t'], fmt: ReturnType<typeof useI18n>['fmt']) {
  return {
    lift: (d: DriverRow | undefined) => fmt.change('ratio', d?.difference ?? null),
    interval: (d: DriverRow | undefined) =>
      d && d.lower !== null && d.upper !== null
        ? `${fmt.change('ratio', d.lower)} … ${fmt.change('ratio', d.upper)}`
        : fmt.signed(null),
    flag: (d: DriverRow | undefined) =>
      d ? (
        <Tag color={d.significant ? 'red' : 'default'}>
          {t(d.significant ? 'topics.significant' : 'topics.notSignificant')}
        </Tag>
      ) : (
        fmt.signed(null)
      ),
  };
}

import { Typography } from 'antd';
import type { Freshness } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * While the figures shown are those from before the latest write (the server answers with them at once and is
 * computing the new ones), a line saying as of when; the page asks again meanwhile (use-api.ts) and the line
 * goes once the new figures arrive.
 * @example <FiguresAsOf data={state.data} /> // Figures as of 11:02 · updating after the latest import
 */
export function FiguresAsOf({ data }: { data: Freshness | undefined }) {
  const { t, fmt } = useI18n();
  if (!data?.refreshing) return null;
  return (
    <Typography.Paragraph type="secondary" data-testid="figures-as-of">
      {t('figures.updating', { time: fmt.clock(data.as_of) })}
    </Typography.Paragraph>
  );
}

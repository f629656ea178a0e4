import { Typography } from 'antd';
import type { Reason } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** Reason codes in words, each with how far it pushes the risk (SHAP, log-odds), largest first. */
export function ReasonList({ reasons }: { reasons: Reason[] }) {
  const { fmt } = useI18n();
  return (
    <ul data-testid="reasons" style={{ margin: 0, paddingLeft: 18 }}>
      {reasons.map((r) => (
        <li key={r.feature}>
          {r.text}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {fmt.signed(r.contribution, 2)}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}

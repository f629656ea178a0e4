import { Select } from 'antd';
import type { Role } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';

const ROLES: Role[] = ['viewer', 'analyst', 'admin'];

/** Viewer / analyst / admin; used alone or as a Form.Item's control (value and onChange injected). */
export function RoleSelect({ value, onChange }: { value?: Role; onChange?: (r: Role) => void }) {
  const { t } = useI18n();
  return (
    <Select<Role>
      aria-label={t('settings.role')}
      style={{ minWidth: 120 }}
      value={value}
      onChange={onChange}
      options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
    />
  );
}

import { Segmented } from 'antd';
import type { Lang } from '../i18n/format.ts';
import { languages, useI18n } from '../i18n/i18n.tsx';

const options = Object.entries(languages).map(([value, l]) => ({ value: value as Lang, label: l.label }));

/** English / 中文, each named in its own language; the choice is remembered by the i18n provider. */
export function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  return (
    <Segmented<Lang>
      aria-label={t('header.language')}
      data-testid="language"
      value={lang}
      onChange={setLang}
      options={options}
    />
  );
}

/** The languages Tenure speaks; every user-visible text exists in each (Text, labels.ts). */
export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];

export const isLang = (v: unknown): v is Lang => typeof v === 'string' && (LANGS as readonly string[]).includes(v);

/**
 * One language tag (`zh`, `zh-CN`, `zh_CN`, `zh-Hans`, `ZH-tw`, `en-GB` …) as a language we speak, or null: for
 * an option that refuses other languages rather than falling back to English.
 */
export function parseLang(tag: string): Lang | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'zh' ? 'zh-CN' : primary === 'en' ? 'en' : null;
}

/**
 * The one reading of a language named by a person or a client: a `--lang`, a `?lang=`, a stored choice, the
 * browser's language or a whole Accept-Language header. Every Chinese tag means zh-CN, the only Chinese we
 * write; of a list, the spoken language with the highest q wins (equal q: the first); anything else is English.
 * @example normalizeLang('zh') // 'zh-CN'; normalizeLang('fr-FR,zh-TW;q=0.8,en;q=0.5') // 'zh-CN'
 */
export function normalizeLang(v: string | null | undefined): Lang {
  if (!v) return 'en';
  let best: { lang: Lang; q: number } | null = null;
  for (const part of v.split(',')) {
    const [tag = '', ...params] = part.split(';');
    const lang = parseLang(tag);
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (lang && Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? 'en';
}

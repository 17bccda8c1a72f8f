/**
 * 中文 / English switch: two buttons in a labelled group; aria-pressed marks the current language and
 * the primary appearance shows it (plain Buttons: ToggleButton's own checked styling fought with it).
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n, type Lang } from '../i18n';

const useStyles = makeStyles({
  group: { display: 'flex', columnGap: tokens.spacingHorizontalXS, flexShrink: 0 },
});

const OPTIONS: { lang: Lang; key: 'lang.zh' | 'lang.en'; htmlLang: string }[] = [
  { lang: 'zh-CN', key: 'lang.zh', htmlLang: 'zh-CN' },
  { lang: 'en-US', key: 'lang.en', htmlLang: 'en' },
];

export function LanguageToggle() {
  const { lang, setLang, t } = useI18n();
  const styles = useStyles();
  return (
    <div role="group" aria-label={t('lang.group')} className={styles.group}>
      {OPTIONS.map((o) => (
        <Button
          key={o.lang}
          size="small"
          appearance={lang === o.lang ? 'primary' : 'secondary'}
          aria-pressed={lang === o.lang}
          lang={o.htmlLang}
          onClick={() => setLang(o.lang)}
        >
          {t(o.key)}
        </Button>
      ))}
    </div>
  );
}

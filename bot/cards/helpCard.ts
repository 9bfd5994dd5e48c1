// Help card: what arobase can do, with example questions as one-click buttons.
import type { Lang } from '../i18n/locale.ts';
import { t } from '../i18n/messages.ts';
import { adaptiveCard, type AdaptiveCard } from '../../dialogs/cards.ts';
import { exampleButton } from './choiceCard.ts';

const EXAMPLES: Record<Lang, string[]> = {
  fr: ['Quel est le niveau de Grenoble ?', 'Historique de Bron', 'Palmarès 2021'],
  en: ['What level is Grenoble?', 'History of Bron', 'Awards 2021'],
};

export function helpCard(lang: Lang): AdaptiveCard {
  return adaptiveCard(
    [
      { type: 'TextBlock', text: t(lang, 'helpTitle'), weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: t(lang, 'help'), wrap: true },
    ],
    EXAMPLES[lang].map(exampleButton),
  );
}

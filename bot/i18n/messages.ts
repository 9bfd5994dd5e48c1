// User-facing texts of the bot shell (greeting, help, errors), in French and English.
import { translator, type Lang } from './locale.ts';

const fr = {
  welcome:
    'Bonjour{name} ! Je suis **arobase**, l’assistant du Label Territoires, Villes et Villages Internet. ' +
    'Je réponds à vos questions sur le label (niveau d’une commune ou d’une intercommunalité, historique, palmarès, ' +
    'Territoires d’excellence numérique) et vous guide dans votre candidature. Tapez « aide » pour commencer.',
  helpTitle: 'Ce que je sais faire',
  help:
    'Posez-moi une question en français ou en anglais, par exemple :\n\n' +
    '- « Quel est le niveau de Grenoble ? »\n' +
    '- « Historique de Bron »\n' +
    '- « Palmarès 2021 »\n\n' +
    'Vous pouvez aussi taper « candidature » pour préparer le dossier de votre collectivité. ' +
    'Les réponses citent toujours leur source.',
  turnError: 'Désolé, un incident technique m’a empêché de répondre. Réessayez dans un instant.',
  unavailable: 'Le service est momentanément indisponible. Réessayez dans quelques instants.',
};

type Messages = typeof fr;

const en: Messages = {
  welcome:
    'Hello{name}! I am **arobase**, the assistant of the “Territoires, Villes et Villages Internet” label. ' +
    'I answer your questions about the label (level of a commune or an intercommunality, history, awards, ' +
    'Territoires d’excellence numérique) and guide you through your application. Type “help” to start.',
  helpTitle: 'What I can do',
  help:
    'Ask me a question in French or English, for example:\n\n' +
    '- “What level is Grenoble?”\n' +
    '- “History of Bron”\n' +
    '- “Awards 2021”\n\n' +
    'You can also type “application” to prepare your local authority’s application. ' +
    'Answers always cite their source.',
  turnError: 'Sorry, a technical problem prevented me from answering. Please try again in a moment.',
  unavailable: 'The service is temporarily unavailable. Please try again in a few moments.',
};

export type MessageKey = keyof Messages;
const catalog: Record<Lang, Messages> = { fr, en };

export const t = translator(catalog);

/** For tests: both catalogs must define the same keys. */
export const catalogs = catalog;

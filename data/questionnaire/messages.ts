// What each kind of answer expects, and why an answer was refused, in French and English.
import { translator, type Lang } from './text.ts';

const fr = {
  'expect.text': 'une réponse courte (au plus {max} caractères)',
  'expect.longtext': 'un texte de {min} à {max} caractères',
  'expect.longtextNoMin': 'un texte (au plus {max} caractères)',
  'expect.choice': 'le numéro ou le nom d’une des options',
  'expect.multichoice': 'un ou plusieurs numéros séparés par des virgules, par exemple « 1, 3 »',
  'expect.number': 'un nombre entre {min} et {max}',
  'expect.integer': 'un nombre entier entre {min} et {max}',
  'expect.date': 'une date au format JJ/MM/AAAA, par exemple 15/03/2025',
  'expect.dateBetween': 'une date au format JJ/MM/AAAA entre le {min} et le {max}',
  'expect.dateAfter': 'une date au format JJ/MM/AAAA, au plus tôt le {min}',
  'expect.dateBefore': 'une date au format JJ/MM/AAAA, au plus tard le {max}',
  'expect.email': 'une adresse e-mail, par exemple prenom.nom@mairie.fr',
  'expect.phone': 'un numéro de téléphone français, par exemple 01 23 45 67 89 ou +33 1 23 45 67 89',
  'expect.url': 'une adresse web, par exemple https://www.ville.fr',
  'expect.yesno': '« oui » ou « non »',

  'error.empty': 'Je n’ai pas reçu de réponse.',
  'error.tooLong': 'Votre réponse fait {length} caractères : c’est trop long.',
  'error.tooShort': 'Votre réponse fait {length} caractères : c’est un peu court.',
  'error.unknownChoice': 'Je ne reconnais pas « {input} » parmi les options.',
  'error.tooFewChoices': 'Choisissez au moins {min} option(s).',
  'error.tooManyChoices': 'Choisissez au plus {max} option(s).',
  'error.notNumber': '« {input} » n’est pas un nombre.',
  'error.notInteger': '{input} n’est pas un nombre entier.',
  'error.outOfRange': '{input} n’est pas entre {min} et {max}.',
  'error.notDate': '« {input} » n’est pas une date que je comprends.',
  'error.dateTooEarly': 'Le {date} est trop ancien.',
  'error.dateTooLate': 'Le {date} est trop tard.',
  'error.notEmail': '« {input} » n’est pas une adresse e-mail valide.',
  'error.notPhone': '« {input} » n’est pas un numéro de téléphone français valide.',
  'error.notUrl': '« {input} » n’est pas une adresse web valide.',
  'error.notYesNo': 'Je n’ai pas compris « {input} ».',
  'error.expected': 'J’attends {expected}.',

  yes: 'Oui',
  no: 'Non',
  skipped: '(passée)',
  unanswered: '(sans réponse)',
};

type Messages = typeof fr;
const en: Messages = {
  'expect.text': 'a short answer (at most {max} characters)',
  'expect.longtext': 'a text of {min} to {max} characters',
  'expect.longtextNoMin': 'a text (at most {max} characters)',
  'expect.choice': 'the number or the name of one of the options',
  'expect.multichoice': 'one or more numbers separated by commas, for example “1, 3”',
  'expect.number': 'a number between {min} and {max}',
  'expect.integer': 'a whole number between {min} and {max}',
  'expect.date': 'a date as DD/MM/YYYY, for example 15/03/2025',
  'expect.dateBetween': 'a date as DD/MM/YYYY between {min} and {max}',
  'expect.dateAfter': 'a date as DD/MM/YYYY, no earlier than {min}',
  'expect.dateBefore': 'a date as DD/MM/YYYY, no later than {max}',
  'expect.email': 'an e-mail address, for example firstname.lastname@mairie.fr',
  'expect.phone': 'a French phone number, for example 01 23 45 67 89 or +33 1 23 45 67 89',
  'expect.url': 'a web address, for example https://www.ville.fr',
  'expect.yesno': '“yes” or “no”',

  'error.empty': 'I did not receive an answer.',
  'error.tooLong': 'Your answer has {length} characters: that is too long.',
  'error.tooShort': 'Your answer has {length} characters: that is a bit short.',
  'error.unknownChoice': 'I do not recognise “{input}” among the options.',
  'error.tooFewChoices': 'Choose at least {min} option(s).',
  'error.tooManyChoices': 'Choose at most {max} option(s).',
  'error.notNumber': '“{input}” is not a number.',
  'error.notInteger': '{input} is not a whole number.',
  'error.outOfRange': '{input} is not between {min} and {max}.',
  'error.notDate': '“{input}” is not a date I understand.',
  'error.dateTooEarly': '{date} is too early.',
  'error.dateTooLate': '{date} is too late.',
  'error.notEmail': '“{input}” is not a valid e-mail address.',
  'error.notPhone': '“{input}” is not a valid French phone number.',
  'error.notUrl': '“{input}” is not a valid web address.',
  'error.notYesNo': 'I did not understand “{input}”.',
  'error.expected': 'I expect {expected}.',

  yes: 'Yes',
  no: 'No',
  skipped: '(skipped)',
  unanswered: '(no answer)',
};

export type QuestionnaireMessageKey = keyof Messages;
export const questionnaireCatalogs: Record<Lang, Messages> = { fr, en };

export const qm = translator(questionnaireCatalogs);

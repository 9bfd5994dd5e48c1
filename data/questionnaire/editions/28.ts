// The questionnaire of the 28e label (2027 palmarès; applications during 2026), as data.
// The association's real wording is not public: this one is ours. Actions follow its four categories and
// sixteen « enjeux » (four named per category, plus « autre »); an action must be ongoing or under two years old.
import type { DefinitionInput } from '../schema.ts';

type L = { fr: string; en: string };
type Enjeu = { value: string; label: L };

const OTHER: Enjeu = { value: 'autre', label: { fr: 'Autre enjeu', en: 'Another issue' } };

/** One category of actions: a repeat group « Action 1, Action 2… » in its own section. */
function actionSection(id: string, title: L, intro: L, enjeux: Enjeu[]) {
  return {
    id, title, intro,
    items: [{
      type: 'group' as const, id, minCount: 0, maxCount: 5,
      itemLabel: { fr: 'Action {n}', en: 'Action {n}' },
      ask: {
        fr: `Avez-vous une action à présenter dans la catégorie « ${title.fr} » ?`,
        en: `Do you have an action to present in the category “${title.en}”?`,
      },
      addAnother: {
        fr: `Voulez-vous présenter une autre action dans la catégorie « ${title.fr} » ? (vous en avez décrit {n})`,
        en: `Would you like to present another action in the category “${title.en}”? (you have described {n})`,
      },
      items: [
        { type: 'text' as const, id: 'title', maxLength: 120,
          label: { fr: 'Quel est le titre de l’action ?', en: 'What is the title of the action?' },
          short: { fr: 'Titre', en: 'Title' } },
        { type: 'longtext' as const, id: 'description', minLength: 40, maxLength: 2000,
          label: { fr: 'Décrivez l’action en quelques phrases : ce qui a été fait, pour qui, avec quels partenaires.',
            en: 'Describe the action in a few sentences: what was done, for whom, with which partners.' },
          short: { fr: 'Description', en: 'Description' },
          help: { fr: 'Le jury lit chaque fiche : soyez concret (public touché, chiffres, résultats).',
            en: 'The jury reads every action: be specific (people reached, figures, results).' } },
        { type: 'choice' as const, id: 'enjeu', options: [...enjeux, OTHER],
          label: { fr: 'À quel enjeu répond-elle principalement ?', en: 'Which issue does it mainly address?' },
          short: { fr: 'Enjeu', en: 'Issue' } },
        { type: 'text' as const, id: 'enjeu_other', maxLength: 120, when: { question: 'enjeu', equals: 'autre' },
          label: { fr: 'Quel est cet enjeu ?', en: 'What is this issue?' },
          short: { fr: 'Autre enjeu', en: 'Other issue' } },
        { type: 'choice' as const, id: 'status',
          options: [
            { value: 'en_cours', label: { fr: 'En cours', en: 'Ongoing' } },
            { value: 'terminee', label: { fr: 'Terminée', en: 'Completed' } },
          ],
          label: { fr: 'Où en est cette action ?', en: 'What is the status of this action?' },
          short: { fr: 'État', en: 'Status' } },
        { type: 'date' as const, id: 'start_date', min: '1990-01-01', max: 'today',
          label: { fr: 'Quand a-t-elle commencé ? (JJ/MM/AAAA, ou MM/AAAA)', en: 'When did it start? (DD/MM/YYYY, or MM/YYYY)' },
          short: { fr: 'Début', en: 'Start' } },
        { type: 'date' as const, id: 'end_date', min: '-2y', max: 'today', when: { question: 'status', equals: 'terminee' },
          notBefore: { question: 'start_date',
            message: { fr: 'La fin ({date}) ne peut pas précéder le début de l’action ({other}).',
              en: 'The end ({date}) cannot come before the start of the action ({other}).' } },
          label: { fr: 'Quand s’est-elle terminée ?', en: 'When did it end?' },
          short: { fr: 'Fin', en: 'End' },
          help: { fr: 'Le label retient les actions en cours ou terminées depuis moins de deux ans.',
            en: 'The label considers actions that are ongoing or ended less than two years ago.' } },
        { type: 'url' as const, id: 'url', required: false,
          label: { fr: 'Une page web la présente-t-elle ? Donnez son adresse (facultatif).',
            en: 'Is there a web page about it? Give its address (optional).' },
          short: { fr: 'Page web', en: 'Web page' } },
      ],
    }],
  };
}

const e = (value: string, fr: string, en: string): Enjeu => ({ value, label: { fr, en } });

export const edition28: DefinitionInput = {
  edition: 28,
  title: { fr: 'Candidature au 28e Label Territoires, Villes et Villages Internet (palmarès 2027)',
    en: 'Application for the 28th “Territoires, Villes et Villages Internet” label (2027 awards)' },
  window: { opens: '2026-03-02', closes: '2026-12-18' },
  atLeastOneOf: {
    groups: ['democratie', 'vivre_ensemble', 'connaissances', 'richesses'],
    message: { fr: 'Décrivez au moins une action, dans l’une des quatre catégories.',
      en: 'Describe at least one action, in any of the four categories.' },
  },
  sections: [
    {
      id: 'contact', title: { fr: 'Vous et votre rôle', en: 'You and your role' },
      items: [
        { type: 'text', id: 'contact_name', maxLength: 120,
          label: { fr: 'Quels sont vos prénom et nom ?', en: 'What are your first and last names?' },
          short: { fr: 'Prénom et nom', en: 'Name' } },
        { type: 'choice', id: 'contact_role',
          options: [
            { value: 'elu', label: { fr: 'Élu ou élue', en: 'Elected official' } },
            { value: 'agent', label: { fr: 'Agent de la collectivité', en: 'Staff of the local authority' } },
            { value: 'acteur', label: { fr: 'Acteur local (association, entreprise…)', en: 'Local actor (association, company…)' } },
          ],
          label: { fr: 'À quel titre préparez-vous cette candidature ?', en: 'In what capacity are you preparing this application?' },
          short: { fr: 'Rôle', en: 'Role' } },
        { type: 'text', id: 'contact_function', maxLength: 120,
          label: { fr: 'Quelle est votre fonction ? (par exemple : adjointe au numérique, DGS, chargé de mission)',
            en: 'What is your position? (for example: deputy mayor for digital affairs, director, project officer)' },
          short: { fr: 'Fonction', en: 'Position' } },
        { type: 'email', id: 'contact_email',
          label: { fr: 'À quelle adresse e-mail l’association peut-elle vous écrire ?', en: 'Which e-mail address can the association write to?' },
          short: { fr: 'E-mail', en: 'E-mail' } },
        { type: 'phone', id: 'contact_phone', required: false,
          label: { fr: 'À quel numéro de téléphone vous joindre ? (facultatif)', en: 'Which phone number can we reach you on? (optional)' },
          short: { fr: 'Téléphone', en: 'Phone' } },
      ],
    },
    {
      id: 'territoire', title: { fr: 'Votre territoire', en: 'Your territory' },
      items: [
        { type: 'yesno', id: 'first_participation',
          label: { fr: 'Est-ce la première candidature de votre collectivité au label ?', en: 'Is this your local authority’s first application to the label?' },
          short: { fr: 'Première candidature', en: 'First application' } },
        { type: 'number', id: 'last_level', min: 1, max: 5, integer: true, required: false,
          when: { question: 'first_participation', equals: false },
          label: { fr: 'Combien d’arobases (de 1 à 5) avez-vous obtenues la dernière fois ?', en: 'How many arobases (1 to 5) did you obtain last time?' },
          short: { fr: 'Dernier niveau obtenu', en: 'Last level obtained' } },
        { type: 'number', id: 'digital_staff', min: 0, max: 5000,
          unit: { fr: 'ETP', en: 'FTE' },
          label: { fr: 'Combien de personnes travaillent sur le numérique dans votre collectivité (en équivalent temps plein) ?',
            en: 'How many people work on digital matters in your local authority (full-time equivalent)?' },
          short: { fr: 'Équipe numérique', en: 'Digital team' },
          help: { fr: 'Comptez les agents dont c’est le métier, même à temps partiel : 1,5 pour une personne à temps plein et une à mi-temps.',
            en: 'Count the staff whose job it is, even part-time: 1.5 for one full-time and one half-time person.' } },
        { type: 'multichoice', id: 'online_services', required: false,
          options: [
            { value: 'demarches', label: { fr: 'Démarches administratives en ligne', en: 'Online administrative procedures' } },
            { value: 'paiement', label: { fr: 'Paiement en ligne', en: 'Online payment' } },
            { value: 'rendez_vous', label: { fr: 'Prise de rendez-vous en ligne', en: 'Online appointments' } },
            { value: 'participation', label: { fr: 'Participation citoyenne en ligne', en: 'Online citizen participation' } },
            { value: 'donnees_ouvertes', label: { fr: 'Données ouvertes', en: 'Open data' } },
            { value: 'mediation', label: { fr: 'Lieu de médiation numérique', en: 'Digital inclusion centre' } },
          ],
          label: { fr: 'Quels services proposez-vous en ligne ? Choisissez tous ceux qui s’appliquent.',
            en: 'Which services do you offer online? Choose all that apply.' },
          short: { fr: 'Services en ligne', en: 'Online services' } },
        { type: 'yesno', id: 'digital_plan',
          label: { fr: 'Votre collectivité a-t-elle adopté une stratégie ou un schéma numérique ?', en: 'Has your local authority adopted a digital strategy or plan?' },
          short: { fr: 'Stratégie numérique', en: 'Digital strategy' } },
        { type: 'url', id: 'digital_plan_url', required: false, when: { question: 'digital_plan', equals: true },
          label: { fr: 'Où peut-on la consulter ? Donnez son adresse web (facultatif).', en: 'Where can it be read? Give its web address (optional).' },
          short: { fr: 'Stratégie en ligne', en: 'Strategy online' } },
        { type: 'url', id: 'website', required: false,
          label: { fr: 'Quelle est l’adresse du site web de votre collectivité ? (facultatif)', en: 'What is your local authority’s website? (optional)' },
          short: { fr: 'Site web', en: 'Website' } },
      ],
    },
    actionSection('democratie', { fr: 'Démocratie et services publics', en: 'Democracy and public services' },
      { fr: 'Administration en ligne, participation, transparence.', en: 'Online administration, participation, transparency.' }, [
        e('demarches', 'Démarches et services en ligne', 'Online procedures and services'),
        e('participation', 'Participation citoyenne', 'Citizen participation'),
        e('transparence', 'Transparence et données ouvertes', 'Transparency and open data'),
        e('relation_usager', 'Accueil et relation aux usagers', 'Reception and user relations'),
      ]),
    actionSection('vivre_ensemble', { fr: 'Vivre ensemble', en: 'Living together' },
      { fr: 'Inclusion, solidarités, vie locale.', en: 'Inclusion, solidarity, local life.' }, [
        e('inclusion', 'Inclusion et médiation numérique', 'Digital inclusion and mediation'),
        e('accessibilite', 'Accessibilité', 'Accessibility'),
        e('solidarites', 'Santé et solidarités', 'Health and solidarity'),
        e('culture', 'Culture, sport et loisirs', 'Culture, sport and leisure'),
      ]),
    actionSection('connaissances', { fr: 'Partage des connaissances', en: 'Sharing knowledge' },
      { fr: 'Éducation, bibliothèques, formation.', en: 'Education, libraries, training.' }, [
        e('education', 'Numérique éducatif', 'Digital education'),
        e('bibliotheques', 'Bibliothèques et médiathèques', 'Libraries and media libraries'),
        e('patrimoine', 'Patrimoine et mémoire', 'Heritage and memory'),
        e('formation', 'Formation des agents et des élus', 'Training of staff and elected officials'),
      ]),
    actionSection('richesses', { fr: 'Création de richesses', en: 'Creating wealth' },
      { fr: 'Économie, attractivité, infrastructures, transition écologique.', en: 'Economy, attractiveness, infrastructure, ecological transition.' }, [
        e('economie', 'Économie locale et emploi', 'Local economy and jobs'),
        e('attractivite', 'Tourisme et attractivité', 'Tourism and attractiveness'),
        e('infrastructures', 'Très haut débit et infrastructures', 'Broadband and infrastructure'),
        e('transition', 'Transition écologique et sobriété numérique', 'Ecological transition and digital sobriety'),
      ]),
    {
      id: 'final', title: { fr: 'Pour finir', en: 'To finish' },
      items: [
        { type: 'multichoice', id: 'mentions', required: false,
          options: [
            { value: 'democratie_locale', label: { fr: 'Démocratie locale', en: 'Local democracy' } },
            { value: 'mediation_numerique', label: { fr: 'Médiation numérique', en: 'Digital mediation' } },
            { value: 'numerique_educatif', label: { fr: 'Numérique éducatif', en: 'Digital education' } },
            { value: 'arobase_verte', label: { fr: 'Arobase verte (transition écologique)', en: 'Green arobase (ecological transition)' } },
          ],
          label: { fr: 'Souhaitez-vous concourir pour une mention thématique ? Choisissez une ou plusieurs mentions, ou tapez « passer ».',
            en: 'Would you like to compete for a thematic mention? Choose one or more, or type “skip”.' },
          short: { fr: 'Mentions visées', en: 'Mentions sought' } },
        { type: 'longtext', id: 'jury_message', required: false, maxLength: 2000,
          label: { fr: 'Un message pour le jury ? (facultatif)', en: 'A message for the jury? (optional)' },
          short: { fr: 'Message au jury', en: 'Message to the jury' } },
        { type: 'yesno', id: 'publication_consent',
          label: { fr: 'Acceptez-vous que l’association publie vos actions sur son site ?', en: 'Do you agree that the association publishes your actions on its website?' },
          short: { fr: 'Accord de publication', en: 'Publication consent' } },
      ],
    },
  ],
};

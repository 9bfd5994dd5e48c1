// The shape of a questionnaire definition (one per edition), checked by zod when it is loaded.
// Field checks live here; cross-references (unique ids, conditions pointing to earlier questions) in checks.ts.
import { z } from 'zod/v4';

const ID = /^[a-z][a-z0-9_]*$/;
export const idSchema = z.string().regex(ID, {
  error: 'identifiant invalide : minuscules sans accent, chiffres et « _ », commençant par une lettre (ex. « contact_email »)',
});

const text = (what: string) => z.string({ error: `${what} manquant` }).trim().min(1, { error: `${what} vide` });
export const localizedSchema = z.strictObject(
  { fr: text('texte français'), en: text('texte anglais') },
  { error: 'texte attendu en français et en anglais : { fr: "…", en: "…" }' },
);

const scalar = z.union([z.string(), z.number(), z.boolean()], { error: 'valeur attendue : texte, nombre ou booléen' });
const OPERATORS = ['equals', 'notEquals', 'in', 'includes', 'answered'] as const;
export const conditionSchema = z
  .strictObject({
    question: idSchema,
    equals: scalar.optional(),
    notEquals: scalar.optional(),
    in: z.array(scalar).min(1, { error: '« in » attend au moins une valeur' }).optional(),
    includes: z.string().optional(),
    answered: z.boolean().optional(),
  })
  .refine((c) => OPERATORS.filter((op) => c[op] !== undefined).length === 1, {
    error: `une condition porte exactement un opérateur parmi ${OPERATORS.join(', ')}`,
  });

/** A date bound: an ISO date, "today", or relative to today ("-2y", "+30d", "-6m"). */
export const dateBoundSchema = z.string().regex(/^(today|[+-]\d{1,3}[dmy]|\d{4}-\d{2}-\d{2})$/, {
  error: 'borne de date invalide : AAAA-MM-JJ, « today » ou relative (« -2y », « +30d », « -6m »)',
});

const optionSchema = z.strictObject({ value: idSchema, label: localizedSchema });
const options = z.array(optionSchema).min(2, { error: 'une question à choix propose au moins 2 options' });

const common = {
  id: idSchema,
  /** The question as asked. */
  label: localizedSchema,
  /** A short name for the summary and the progress (defaults to the label). */
  short: localizedSchema.optional(),
  /** Extra explanation given on « aide ». */
  help: localizedSchema.optional(),
  required: z.boolean().default(true),
  when: conditionSchema.optional(),
};
const count = (max: number) => z.number().int({ error: 'entier attendu' }).min(0).max(max, { error: `au plus ${max}` });

export const questionSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ ...common, type: z.literal('text'), maxLength: count(1000).default(200) }),
    z.strictObject({ ...common, type: z.literal('longtext'), minLength: count(1000).default(0), maxLength: count(20_000).default(4000) }),
    z.strictObject({ ...common, type: z.literal('choice'), options }),
    z.strictObject({
      ...common, type: z.literal('multichoice'), options,
      minSelected: count(50).default(1), maxSelected: count(50).optional(),
    }),
    z.strictObject({
      ...common, type: z.literal('number'), min: z.number(), max: z.number(),
      integer: z.boolean().default(false), unit: localizedSchema.optional(),
    }),
    z.strictObject({
      ...common, type: z.literal('date'), min: dateBoundSchema.optional(), max: dateBoundSchema.optional(),
      /** A cross-field rule: this date may not precede the answer to an earlier date question (same group instance). */
      notBefore: z.strictObject({ question: idSchema, message: localizedSchema }).optional(),
    }),
    z.strictObject({ ...common, type: z.literal('email') }),
    z.strictObject({ ...common, type: z.literal('phone') }),
    z.strictObject({ ...common, type: z.literal('url') }),
    z.strictObject({ ...common, type: z.literal('yesno') }),
  ],
  { error: 'type de question inconnu : text, longtext, choice, multichoice, number, date, email, phone, url ou yesno' },
);

/** A repeatable group (« ajouter une autre action ? »): its questions are asked once per instance. */
export const groupSchema = z.strictObject({
  type: z.literal('group'),
  id: idSchema,
  /** Name of one instance, with {n}: « Action {n} ». */
  itemLabel: localizedSchema,
  /** The yes/no question opening the group when it may stay empty (minCount 0). */
  ask: localizedSchema.optional(),
  /** The yes/no question asked after each instance, with {n} = instances so far. */
  addAnother: localizedSchema,
  minCount: count(20).default(0),
  maxCount: z.number().int().min(1, { error: 'maxCount vaut au moins 1' }).max(20, { error: 'maxCount vaut au plus 20' }),
  when: conditionSchema.optional(),
  items: z.array(questionSchema).min(1, { error: 'un groupe contient au moins une question' }),
});

const itemSchema = z.discriminatedUnion('type', [...questionSchema.options, groupSchema], {
  error: 'type inconnu : text, longtext, choice, multichoice, number, date, email, phone, url, yesno ou group',
});

export const sectionSchema = z.strictObject({
  id: idSchema,
  title: localizedSchema,
  intro: localizedSchema.optional(),
  items: z.array(itemSchema).min(1, { error: 'une section contient au moins une question' }),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date attendue au format AAAA-MM-JJ' });
export const definitionSchema = z.strictObject({
  edition: z.number().int().min(1),
  title: localizedSchema,
  /** The participation window, shown to applicants. */
  window: z.strictObject({ opens: isoDate, closes: isoDate }).optional(),
  sections: z.array(sectionSchema).min(1, { error: 'un questionnaire contient au moins une section' }),
  /** At least one instance in one of these groups (e.g. at least one action, whatever its category). */
  atLeastOneOf: z.strictObject({ groups: z.array(idSchema).min(1), message: localizedSchema }).optional(),
});

export type Definition = z.output<typeof definitionSchema>;
export type DefinitionInput = z.input<typeof definitionSchema>;
export type Section = Definition['sections'][number];
export type Item = Section['items'][number];
export type Group = Extract<Item, { type: 'group' }>;
export type Question = Exclude<Item, { type: 'group' }>;
export type QuestionType = Question['type'];
export type Condition = z.output<typeof conditionSchema>;
export type Option = z.output<typeof optionSchema>;

/** A stored answer: null means « passée » (an optional question skipped on purpose). */
export type AnswerValue = string | number | boolean | string[] | null;
export type Answers = Record<string, AnswerValue>;

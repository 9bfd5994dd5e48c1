// The questionnaire domain: definitions as data, answer parsing, the flow engine. No botbuilder here.
export * from './schema.ts';
export { loadDefinition, DefinitionError } from './load.ts';
export { parseAnswer, validateStored, expectation, type ParseResult } from './parse.ts';
export { formatValue } from './values.ts';
export * from './flow.ts';
export { ruleBreach, storedBreaches, breachText, completeness, type RuleBreach, type Completeness } from './rules.ts';
export { OPEN_EDITION, getDefinition, hasDefinition } from './editions/index.ts';
export { fold, fill, type Lang, type Localized } from './text.ts';
export { qm } from './messages.ts';

// Optional language model for messages no route understands (off unless OPENAI_* or AZURE_OPENAI_* are set).
// The model only chooses an action; every action calls the same domain functions, so a level always comes
// from the database, and a free-text answer that states a level is replaced (see guardSay).
import { fileURLToPath } from 'node:url';
import { ActionPlanner, OpenAIModel, PromptManager, type PromptCompletionModel, type TurnState } from '@microsoft/teams-ai';
import type { Config } from '../config.ts';

export const promptsFolder = fileURLToPath(new URL('./prompts', import.meta.url));

export function modelFromConfig(config: Config): PromptCompletionModel | null {
  if (config.AZURE_OPENAI_API_KEY && config.AZURE_OPENAI_ENDPOINT && config.AZURE_OPENAI_DEPLOYMENT) {
    return new OpenAIModel({
      azureApiKey: config.AZURE_OPENAI_API_KEY, azureEndpoint: config.AZURE_OPENAI_ENDPOINT,
      azureDefaultDeployment: config.AZURE_OPENAI_DEPLOYMENT, azureApiVersion: config.AZURE_OPENAI_API_VERSION,
    });
  }
  if (config.OPENAI_API_KEY) return new OpenAIModel({ apiKey: config.OPENAI_API_KEY, defaultModel: config.OPENAI_MODEL });
  return null;
}

export function createPlanner(model: PromptCompletionModel): ActionPlanner<TurnState> {
  const prompts = new PromptManager({ promptsFolder, max_history_messages: 6 });
  return new ActionPlanner<TurnState>({ model, prompts, defaultPrompt: 'chat' });
}

/** A level, a count of arobases or a TEN claim in free text: only the database may say that. */
const LEVEL_CLAIM = /\b[1-5]\s*(?:@|arobases?)|\b(?:niveau|level)\s*[1-5]\b|(?:cinq|quatre|trois|deux|un|five|four|three|two|one)\s+arobases?|territoire d.excellence|digital excellence/i;

export function statesALevel(text: string): boolean {
  return LEVEL_CLAIM.test(text);
}

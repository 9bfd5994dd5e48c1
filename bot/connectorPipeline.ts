// The Bot Framework connector client's HTTP pipeline (@azure/core-rest-pipeline), as arobase rewires it: the client
// retries 429/5xx/network errors by itself, out of sight; where the caller owns retries and timeouts (the notification
// worker, the local emulator's replies), that phase goes and one last policy, after signing, takes over.
export type PipelineRequest = { url: string; timeout: number; agent?: unknown };
export type PipelinePolicy = { name: string; sendRequest(req: PipelineRequest, next: (r: PipelineRequest) => Promise<unknown>): Promise<unknown> };
type Pipeline = {
  removePolicy(o: { phase?: string; name?: string }): unknown;
  addPolicy(p: PipelinePolicy, o?: { afterPhase?: string }): void;
};

/** The pipeline of a ConnectorClient (botframework-connector keeps it at `client.pipeline`), if it has one. */
export function pipelineOf(client: unknown): Pipeline | undefined {
  return (client as { client?: { pipeline?: Pipeline } } | undefined)?.client?.pipeline;
}

/** No hidden retries; `policy` is the last step before the HTTP client. False when the client has no pipeline. */
export function replaceRetries(client: unknown, policy: PipelinePolicy): boolean {
  const pipeline = pipelineOf(client);
  if (!pipeline) return false;
  pipeline.removePolicy({ phase: 'Retry' });
  pipeline.addPolicy(policy, { afterPhase: 'Sign' });
  return true;
}
